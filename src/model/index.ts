export * from './severity.js';
export * from './practice.js';
export * from './finding.js';
export * from './result.js';
export * from './package.js';
