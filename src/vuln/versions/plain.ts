/**
 * Compares two plain release numbers with the same count of parts (`1.2.3` and `1.10.0`): every
 * ecosystem here orders those part by part, numerically. Anything else (other characters, leading
 * zeros, different part counts, where ecosystems differ: dpkg puts `1.0` before `1.0.0`, Maven and
 * PEP 440 call them equal) is left to the scheme: undefined.
 */
export function comparePlainRelease(a: string, b: string): number | undefined {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return undefined;
  let i = 0;
  let j = 0;
  let order = 0;
  for (;;) {
    const si = i;
    while (i < la && isDigit(a.charCodeAt(i))) i++;
    const sj = j;
    while (j < lb && isDigit(b.charCodeAt(j))) j++;
    const na = i - si;
    const nb = j - sj;
    if (na === 0 || nb === 0) return undefined;
    if ((na > 1 && a.charCodeAt(si) === 0x30) || (nb > 1 && b.charCodeAt(sj) === 0x30)) return undefined;
    if (order === 0) {
      if (na !== nb) order = na < nb ? -1 : 1;
      else {
        for (let k = 0; k < na; k++) {
          const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
          if (d !== 0) {
            order = d < 0 ? -1 : 1;
            break;
          }
        }
      }
    }
    const ea = i === la;
    const eb = j === lb;
    if (ea || eb) return ea && eb ? order : undefined;
    if (a.charCodeAt(i) !== 0x2e || b.charCodeAt(j) !== 0x2e) return undefined;
    i++;
    j++;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
