// Bundles the CLI's own modules: Node then loads a few files instead of hundreds, which is most of
// a short scan's start-up. Code splitting gives the entry (the command definitions) and one chunk
// per command's implementation plus shared chunks, so a command loads only the code it runs:
// `drydock sbom` never loads the rules or the YAML parser. Packages in node_modules stay external.
// `node scripts/bundle.mjs [OUTDIR]`: OUTDIR (default dist/cli/bundle) gets drydock.mjs, which
// exports main(), and chunks/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/cli/bundle';
rmSync(outdir, { recursive: true, force: true });
if (!process.argv[2]) {
  // The single-file bundle of earlier builds: bin/drydock.js no longer loads it.
  rmSync('dist/cli/drydock.bundle.mjs', { force: true });
  rmSync('dist/cli/drydock.bundle.mjs.map', { force: true });
}

await build({
  entryPoints: { drydock: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
