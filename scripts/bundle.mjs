// Bundles the CLI into one file, dist/cli/drydock.cjs: a CommonJS module in its module wrapper (a
// function expression, not a module to require), which bin/drydock.js compiles with V8's code cache:
// a run whose cache is warm neither parses nor compiles the code it ran before, which is most of a
// short scan's start-up. Each command's implementation sits behind a lazy initialiser, so it runs
// only when its command does.
// `node scripts/bundle.mjs [OUTFILE]` (default dist/cli/drydock.cjs; a source map goes beside it).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Small pure-JavaScript packages every command loads go into the bundle, and with it into the code
// cache. The rest (native modules, WebAssembly, packages that locate files beside themselves, and
// the large ones only some commands use) stay in node_modules.
const INLINE = new Set(['commander', '@commander-js/extra-typings', 'picomatch', 'picocolors', 'js-yaml']);

const outfile = process.argv[2] ?? 'dist/cli/drydock.cjs';
/** The start of the bundle's text; bin/drydock.js checks for it. */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) {';
if (!process.argv[2]) {
  // What earlier builds produced: bin/drydock.js no longer loads them.
  rmSync('dist/cli/bundle', { recursive: true, force: true });
  rmSync('dist/cli/drydock.bundle.mjs', { force: true });
  rmSync('dist/cli/drydock.bundle.mjs.map', { force: true });
}

/**
 * commander loads node:child_process at start-up, for stand-alone executable subcommands, which
 * drydock has none of; that module brings net, dgram and their bindings into every start-up.
 * Inside commander it is replaced by a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'drydock-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'drydock-lazy' }, () => ({
      contents: [
        'let loaded;',
        "const load = () => (loaded ??= require('node:child_process'));",
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  plugins: [lazyChildProcess],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((name) => !INLINE.has(name)),
  // Modules find files beside them (the package root, worker scripts) from import.meta.url.
  define: { 'import.meta.url': '__drydockModuleUrl' },
  banner: { js: "const __drydockModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  outfile,
  // Non-ASCII characters are escaped, so the launcher reads the file as Latin-1: no UTF-8 decoding.
  charset: 'ascii',
  sourcemap: true,
  logLevel: 'warning',
});

// esbuild escapes non-ASCII characters in code but copies comments as written. Those characters
// become `?` (one per UTF-16 unit, so source-map columns stay right) and the file is all ASCII.
// The file is then the function expression the launcher compiles (CommonJS's module wrapper, on the
// first line so the source map's lines stay right): compiled as read, the 1.5 MB text is not copied
// once more to join a wrapper to it.
const text = readFileSync(outfile, 'utf8');
const ascii = text.replace(/[^\x00-\x7f]/g, '?');
writeFileSync(outfile, `${WRAPPER}${ascii}\n})\n`);
