/** Caches a parse function: scans compare the same few version strings many times. */
export function memo<T>(parse: (s: string) => T, limit = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= limit) cache.clear();
      v = parse(s);
      cache.set(s, v);
    }
    return v as T;
  };
}
