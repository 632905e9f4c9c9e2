export { BUFFERED_CATALOGERS, createCatalog, normalisePath, osPackage, STREAMED_CATALOGERS, type Catalog, type CatalogOptions } from './catalog.js';
export { catalogers } from './registry.js';
export type { CatalogProblem, Cataloger, CatalogerOutput, OsRecord } from './types.js';
export { parseOsRelease, osvEcosystem, type OsRelease } from './os/os-release.js';
