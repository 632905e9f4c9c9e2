export * from './parse.js';
export * from './workload.js';
