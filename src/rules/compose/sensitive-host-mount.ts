import { runtimeSocket, sensitiveHostPath, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-011',
    slug: 'sensitive-host-mount',
    title: 'Service mounts a sensitive host path',
    severity: 'high',
    appliesTo: ['compose'],
    description:
      'Bind-mounting host system directories (/, /etc, /proc, /sys, /root, /var/lib/docker, …) or credential directories (~/.ssh, ~/.aws, ~/.kube) exposes the host and its secrets to the container.',
    remediation: 'Mount only the application directory the service needs, read-only where possible, or use a named volume.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes', 'https://docs.docker.com/engine/storage/bind-mounts/'],
    examples: {
      bad: ['services:\n  agent:\n    image: monitor:1.0\n    volumes:\n      - /:/host\n      - /etc:/host/etc:ro\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n'],
    },
  },
  check(doc, ctx) {
    for (const v of doc.service.volumes) {
      if (!v.resolved || v.source === undefined || v.type !== 'bind') continue;
      if (runtimeSocket(v.source)) continue;
      const what = sensitiveHostPath(v.source);
      if (!what) continue;
      ctx.report({
        message: `Service "${doc.service.name}" mounts ${what} (${v.source}${v.target ? ` at ${v.target}` : ''}${v.readOnly ? ', read-only' : ''}).`,
        at: { pointer: v.pointer },
        fingerprintData: `mount/${v.source}`,
        properties: { hostPath: v.source },
      });
    }
  },
});
