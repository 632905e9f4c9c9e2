export * from './stream.js';
export * from './positions.js';
