// Bundles the CLI's own modules into one file: Node then loads one module instead of hundreds,
// which is most of a short scan's start-up. Packages in node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/cli/drydock.bundle.mjs',
  sourcemap: true,
  logLevel: 'warning',
});
