export * from './types.js';
export { CHECKS, LATEST_MINOR, SAFE_SYSCTLS } from './checks.js';
export * from './evaluate.js';
export * from './workload.js';
export * from './rule-support.js';
