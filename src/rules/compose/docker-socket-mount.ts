import { runtimeSocket, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-010',
    slug: 'docker-socket-mount',
    title: 'Service mounts the container runtime socket',
    severity: 'critical',
    appliesTo: ['compose'],
    description:
      'Whoever can talk to the Docker (or containerd, CRI-O, Podman) socket can start a privileged container that mounts the host: the socket is root on the host, read-only or not.',
    remediation:
      'Remove the socket mount. If the service must see containers, put a filtering proxy (e.g. a docker-socket-proxy allowing only read endpoints) in front of the socket, or use the runtime\'s rootless mode.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-1-do-not-expose-the-docker-daemon-socket-even-to-the-containers'],
    examples: {
      bad: ['services:\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n'],
      good: ['services:\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - portainer_data:/data\n'],
    },
  },
  check(doc, ctx) {
    for (const v of doc.service.volumes) {
      if (!v.resolved || v.source === undefined) continue;
      if (v.type !== 'bind' && v.type !== 'npipe') continue;
      const socket = runtimeSocket(v.source);
      if (!socket) continue;
      ctx.report({
        message: `Service "${doc.service.name}" mounts the runtime socket ${v.source}${v.readOnly ? ' (read-only does not help: the API is still fully usable)' : ''}; it controls the container runtime and so the host.`,
        at: { pointer: v.pointer },
        fingerprintData: `socket/${v.source}`,
        properties: { socket },
      });
    }
  },
});
