/**
 * `import()` of a package that ships only as an ES module. The CLI bundle is CommonJS compiled by
 * bin/drydock.js with `vm.Script` (for V8's code cache), where `import()` has no loader of its
 * own: the launcher registers one from its ES-module context under this symbol. Elsewhere (the
 * compiled modules, tests) this is a plain `import()`.
 */
export const IMPORT_HOOK = Symbol.for('drydock.import');

export function importEsm<T>(specifier: string): Promise<T> {
  const hook = (globalThis as { [IMPORT_HOOK]?: (specifier: string) => Promise<unknown> })[IMPORT_HOOK];
  return (hook ? hook(specifier) : import(specifier)) as Promise<T>;
}
