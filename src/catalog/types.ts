import type { Package } from '../model/index.js';

/** An OS package before the distribution is known: the purl and ecosystem come from os-release. */
export interface OsRecord {
  kind: 'deb' | 'apk' | 'rpm';
  name: string;
  version: string;
  arch?: string;
  epoch?: number;
  licenses?: string[];
  sourceName?: string;
  sourceVersion?: string;
}

export interface CatalogProblem {
  path: string;
  message: string;
  code: string;
}

/** What a cataloger returns for one file. Packages carry no location: the catalog adds it. */
export interface CatalogerOutput {
  packages?: Omit<Package, 'locations' | 'foundBy'>[] | undefined;
  os?: OsRecord[] | undefined;
  /** Facts other than packages: licences from Debian copyright files, the OS identity. */
  licenses?: { package: string; licenses: string[] } | undefined;
  problems?: string[] | undefined;
}

/**
 * One kind of package metadata. `wants` tests only the path (normalised: no leading slash), so
 * image readers know which files to buffer; `parse` is pure: bytes in, packages out.
 */
export interface Cataloger {
  id: string;
  wants(path: string): boolean;
  parse(bytes: Uint8Array, path: string): CatalogerOutput;
}

export type LangPackage = Omit<Package, 'locations' | 'foundBy'>;
