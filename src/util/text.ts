/** Outcome of turning scanned bytes into text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; code: 'binary' | 'encoding'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the first bytes contain a NUL: the file is not text. */
export function looksBinary(bytes: Uint8Array, sample = 8192): boolean {
  // The engine's own search, not a loop for the JIT to compile: most files are small.
  const head = bytes.length > sample ? bytes.subarray(0, sample) : bytes;
  return head.indexOf(0) !== -1;
}

/** Decodes UTF-8 strictly: binary and invalid UTF-8 become errors rather than garbage. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (looksBinary(bytes)) return { ok: false, code: 'binary', message: 'binary content (NUL bytes), not a text file' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, code: 'encoding', message: 'not valid UTF-8 text' };
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring
 * (and a string built by concatenating one) as a view of the whole source text; a finding that is
 * kept until the report is written would otherwise keep its whole file alive. Concatenating and
 * slicing again makes V8 flatten the string into fresh memory of its own length.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
