export * from './interpolate.js';
export * from './service.js';
export * from './parse.js';
export * from './facts.js';
