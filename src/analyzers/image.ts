import { parseImageDocument } from '../parsers/image/document.js';
import { decodeText } from '../util/text.js';
import type { Analyzer } from './types.js';

/**
 * Image views are produced by the image reader (`drydock image`), not found by walking a tree, so
 * this analyzer claims no path; it is looked up by kind.
 */
export const imageAnalyzer: Analyzer = {
  kind: 'image',
  claims: () => false,
  analyze(file) {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) return { documents: [], errors: [{ message: decoded.message, code: decoded.code }] };
    const { document, errors } = parseImageDocument(decoded.text, file.path);
    if (document && file.origin) document.origin = file.origin;
    return { documents: document ? [document] : [], errors };
  },
};
