import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { isDigest, parseImageRef } from './support/image.js';
import { containerResource } from './support/workload.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-029',
    slug: 'image-not-pinned-by-digest',
    title: 'Image not pinned by digest',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'A tag can be moved to other content by anyone who can push to the repository; only a digest guarantees the image that was scanned and signed is the one that runs.',
    remediation: 'Reference the image by digest (repo:tag@sha256:...), and let a bot such as Renovate keep the digest current.',
    aliases: ['CKV_K8S_43'],
    practice: 'P2',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
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
      image: nginx:1.27.3@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod) return;
    for (const c of containersOf(pod)) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') continue;
      if (isDigest(parseImageRef(image).digest)) continue;
      ctx.report({
        message: `Container "${c.name}" uses image "${image}", which is not pinned by digest.`,
        at: { pointer: [...c.pointer, 'image'] },
        resource: containerResource(doc, c),
        fingerprintData: `${c.type}/${c.name}`,
      });
    }
  },
});
