export * from './interpolate.js';
export * from './service.js';
export * from './parse.js';
