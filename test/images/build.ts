// The in-memory image builders live beside the image reader (its unit tests use them too).
export * from '../../src/sources/image/fixtures/archives.js';
