#!/usr/bin/env node
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

// Node compiles its own modules with the code cache built into it, which V8 accepts only under the
// flags Node was built with: a module first loaded after the flags below change is compiled from
// source. The commands that scan hash every finding and read compressed archives, so they load
// those two modules first.
if (['scan', 'pss', 'image', 'sbom', 'db'].includes(process.argv[2])) {
  const load = createRequire(import.meta.url);
  load('node:crypto');
  load('node:zlib');
}

// A scan is short and runs much code a few thousand times: V8's optimising compiler spends more
// time inlining call trees than the scan saves with them. Inlining only the smallest functions
// makes `drydock scan` of 10,000 manifests faster and leaves 40,000 unchanged (bench/kubernetes.ts).
// Four of the compiler's optional passes cost more than they give back to code that runs this
// briefly: loop peeling (a loop's first turn compiled apart from the rest), splitting of merged
// paths, move optimisation and store elimination. Without them a scan of 10,000 manifests and a
// match of 10,000 packages each run about 3% fewer instructions (callgrind), nearly all of it in
// the compiler, and the compiled code runs as fast.
// The young generation keeps V8's own growth: grown faster, it reached 32 MiB on such a scan, whose
// pages each cost a fault and a cache miss when first touched, for a handful of collections saved.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=0 --no-turbo-loop-peeling --no-turbo-splitting --no-turbo-move-optimization --no-turbo-store-elimination');

// A reader that stops early (`drydock scan | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The commands, each with a code cache of its own.
const COMMANDS = new Set(['scan', 'pss', 'image', 'sbom', 'rules', 'explain', 'db']);

// The bundle (scripts/bundle.mjs) is compiled with V8's code cache; the compiled modules are the
// fallback.
const bundle = fileURLToPath(new URL('../dist/cli/drydock.cjs', import.meta.url));
const read = readBundle(bundle);
// The bundle is a CommonJS module already in its wrapper (scripts/bundle.mjs); anything else is not
// this launcher's bundle.
const { main } = read && read.source.startsWith('(function (exports, require, module, __filename, __dirname) {') ? loadBundle(bundle, read) : await import('../dist/cli/main.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`drydock: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);

/**
 * Compiles the CommonJS bundle with the code V8 cached from an earlier run of the same command, and
 * after a run without a usable cache, writes one. The cache lives in the user's cache directory
 * ($DRYDOCK_CODE_CACHE, else $XDG_CACHE_HOME/drydock/v8, else ~/.cache/drydock/v8; `off` disables
 * it), one file per command, named after the Node version and the bundle's size and modification
 * time. V8 rejects a cache made by another V8 or with other flags; a rejected one is rewritten.
 */
function loadBundle(file, { source, stat }) {
  const cacheFile = codeCacheFile(stat);
  const cachedData = cacheFile ? readOwnFile(cacheFile) : undefined;
  // import() has no loader inside vm.Script: ES-module-only packages are imported from here.
  globalThis[Symbol.for('drydock.import')] = (specifier) => import(specifier);
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(script, cacheFile));
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The bundle's text and file status from one open, or undefined when it is not built. */
function readBundle(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    // The bundle is ASCII (scripts/bundle.mjs): read as Latin-1, it needs no UTF-8 decoding.
    return { source: readAll(fd, stat.size).latin1Slice(), stat };
  } finally {
    closeSync(fd);
  }
}

function codeCacheFile(st) {
  const setting = process.env.DRYDOCK_CODE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  let dir = setting;
  if (!dir) {
    const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
    dir = path.join(base, 'drydock', 'v8');
  }
  // Each command runs different code. Anything else (help, a mistyped command) shares one cache.
  const command = COMMANDS.has(process.argv[2]) ? process.argv[2] : 'other';
  return path.join(dir, `${command}-${process.version}-${process.arch}-${st.size}-${Math.trunc(st.mtimeMs)}.bin`);
}

/** The cache's bytes, when it is a regular file owned by this user (no one else's code is run). */
function readOwnFile(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || (typeof process.getuid === 'function' && st.uid !== process.getuid()) || st.size > 256 * 1024 * 1024) return undefined;
    return readAll(fd, st.size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the cache atomically and drops this command's caches for other builds. Failures are silent. */
function writeCache(script, file) {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, file);
    const prefix = path.basename(file).slice(0, path.basename(file).indexOf(`-${process.version}-`) + 1);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name !== path.basename(file) && name.endsWith('.bin')) unlinkSync(path.join(dir, name));
    }
  } catch {
    // A read-only or full cache directory only costs the next run its start-up.
  }
}

/** Exactly `size` bytes from an open file; throws when it is shorter. */
function readAll(fd, size) {
  const bytes = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, bytes, off, size - off, off);
    if (n === 0) throw new Error('file shrank while read');
    off += n;
  }
  return bytes;
}
