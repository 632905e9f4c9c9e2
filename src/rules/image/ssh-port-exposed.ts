import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-008',
    slug: 'ssh-port-exposed',
    title: 'Image exposes the SSH port',
    severity: 'medium',
    appliesTo: ['image'],
    description: 'An SSH server in a container is an extra way in that bypasses the orchestrator; containers are reached with exec, not SSH.',
    remediation: 'Remove EXPOSE 22 and the SSH server; use docker exec or kubectl exec for debugging.',
    aliases: ['DS-0004', 'DS004', 'AVD-DS-0004'],
    practice: 'P6',
    references: ['https://avd.aquasec.com/misconfig/ds004'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"config": {"ExposedPorts": {"22/tcp": {}}}}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"config": {"ExposedPorts": {"8080/tcp": {}}}}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const ports = doc.config.config?.ExposedPorts;
    if (!ports || typeof ports !== 'object') return;
    for (const key of Object.keys(ports)) {
      if (!/^22(?:\/(?:tcp|udp))?$/.test(key)) continue;
      ctx.report({ message: `The image exposes port ${key} (SSH).`, at: configPointer(doc, 'config', 'ExposedPorts', key), fingerprintData: `port:${key}` });
    }
  },
});
