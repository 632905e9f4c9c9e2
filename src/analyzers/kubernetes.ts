import { parseKubernetes } from '../parsers/kubernetes/parse.js';
import { decodeText } from '../util/text.js';
import type { Analyzer } from './types.js';

const MANIFEST = /\.(ya?ml|json)$/i;

export const kubernetesAnalyzer: Analyzer = {
  kind: 'kubernetes',
  claims: (path) => MANIFEST.test(path),
  analyze(file) {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) {
      // A .json or .yaml that is not text is worth a word; other analyzers may still want the bytes.
      return { documents: [], errors: [{ message: decoded.message, code: decoded.code }] };
    }
    const text = decoded.text;
    // Files without both words cannot hold a Kubernetes object: skip the parse.
    if (!text.includes('apiVersion') || !text.includes('kind')) return { documents: [], errors: [] };
    const { documents, errors } = parseKubernetes(text, file.path);
    if (file.origin) for (const d of documents) d.origin = file.origin;
    return { documents, errors };
  },
};
