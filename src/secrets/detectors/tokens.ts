import { validJwt } from '../checksum.js';
import { detector, L, R } from './define.js';

export const tokenDetectors = [
  detector({
    id: 'json-web-token',
    title: 'JSON Web Token',
    category: 'token',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: new RegExp(`${L}(eyJ[A-Za-z0-9_\\-]{8,2000}\\.eyJ[A-Za-z0-9_\\-]{8,8000}\\.[A-Za-z0-9_\\-]{16,1000})${R}`),
    validate: validJwt,
    minEntropy: 4,
    priority: 1,
  }),
  detector({
    id: 'kubernetes-bootstrap-token',
    title: 'Kubernetes bootstrap token',
    category: 'token',
    severity: 'high',
    keywords: ['token-secret', 'bootstrap'],
    pattern: /(?:token-secret|bootstrap[_-]?token)["']?\s{0,4}[:=]\s{0,4}["']?((?:[a-z0-9]{6}\.)?[a-z0-9]{16})(?![A-Za-z0-9])/,
    minEntropy: 3,
    priority: 2,
  }),
];
