#!/usr/bin/env node
import { existsSync } from 'node:fs';

// A reader that stops early (`drydock scan | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The bundle starts faster (each command loads only its own chunks); the compiled modules are the
// fallback.
const bundle = new URL('../dist/cli/bundle/drydock.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`drydock: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
