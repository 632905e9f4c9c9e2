import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { canonicalName, parseImageRef } from './support/image.js';
import { containerResource } from './support/workload.js';

/** Turns an allowlist entry into the canonical `host/path` form images are compared in. */
function canonicalEntry(entry: string): string {
  let e = entry.trim().toLowerCase().replace(/\/+$/, '');
  const first = e.split('/')[0]!;
  if (!(first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('*'))) e = `docker.io/${e}`;
  return e.replace(/^(index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)(?=\/|$)/, 'docker.io');
}

/** Whether a canonical image name falls under an entry: the same path or below it, by whole components. */
export function registryAllows(name: string, entry: string): boolean {
  const e = canonicalEntry(entry);
  if (e === '') return false;
  const n = name.toLowerCase();
  if (e.startsWith('*.')) {
    // "*.azurecr.io" or "*.azurecr.io/team": any subdomain of the host.
    const slash = e.indexOf('/');
    const hostSuffix = (slash < 0 ? e : e.slice(0, slash)).slice(1);
    const path = slash < 0 ? '' : e.slice(slash);
    const nSlash = n.indexOf('/');
    const host = n.slice(0, nSlash);
    if (!host.endsWith(hostSuffix) || host.length === hostSuffix.length) return false;
    const rest = n.slice(nSlash);
    return path === '' || rest === path || rest.startsWith(`${path}/`);
  }
  return n === e || n.startsWith(`${e}/`);
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-030',
    slug: 'image-registry-not-allowed',
    title: 'Image from a registry outside the allowlist',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'Images pulled from registries the team does not control or vet bypass its scanning, signing and provenance checks.',
    remediation: 'Mirror the image into an allowed registry and reference it there, or add the registry to settings.allowedRegistries in drydock.yaml (or --allowed-registries).',
    aliases: ['KSV-0125', 'KSV125', 'AVD-KSV-0125'],
    practice: 'P2',
    references: ['https://kubernetes.io/docs/concepts/containers/images/', 'https://kubernetes.io/docs/concepts/security/security-checklist/#images'],
    examples: {
      // The rule is silent until allowedRegistries is configured.
      settings: { allowedRegistries: ['registry.example.com/platform'] },
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: docker.io/library/nginx:1.27.3
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: registry.example.com/platform/nginx:1.27.3
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const allowed = ctx.settings.allowedRegistries;
    if (!Array.isArray(allowed) || allowed.length === 0) return;
    const pod = podSpecOf(doc);
    if (!pod) return;
    for (const c of containersOf(pod)) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') continue;
      const name = canonicalName(parseImageRef(image));
      if (allowed.some((entry) => typeof entry === 'string' && registryAllows(name, entry))) continue;
      ctx.report({
        message: `Container "${c.name}" uses image "${image}" (${name}), which is not under any allowed registry.`,
        at: { pointer: [...c.pointer, 'image'] },
        resource: containerResource(doc, c),
        fingerprintData: `${c.type}/${c.name}`,
      });
    }
  },
});
