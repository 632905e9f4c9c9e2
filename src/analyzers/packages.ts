import { createCatalog } from '../catalog/index.js';
import { catalogers } from '../catalog/registry.js';
import type { Analyzer } from './types.js';

// Directory scans read lockfiles and package metadata; OS databases and executables need a whole
// root filesystem and are catalogued by `drydock sbom` and the image scanner instead.
const FILE_CATALOGERS = catalogers.filter((c) => !['dpkg', 'apk', 'rpm', 'go-binary', 'cargo-auditable'].includes(c.id)).map((c) => c.id);
const probe = createCatalog({ catalogers: FILE_CATALOGERS });

export const packagesAnalyzer: Analyzer = {
  kind: 'packages',
  claims: (path) => probe.wants(path),
  analyze(file) {
    const catalog = createCatalog({ catalogers: FILE_CATALOGERS });
    catalog.add(file);
    const packages = catalog.finish();
    const errors = catalog.problems().map((p) => ({ message: p.message, code: p.code }));
    return { documents: [], errors, packages };
  },
};
