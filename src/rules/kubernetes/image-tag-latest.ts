import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { isDigest, parseImageRef } from './support/image.js';
import { containerResource } from './support/workload.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-028',
    slug: 'image-tag-latest',
    title: 'Image uses the latest tag or no tag',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'An image named by `:latest` or by no tag can change under the same name, so what runs is not what was reviewed and rollbacks are guesswork.',
    remediation: 'Name the image by a fixed version tag, or better by its digest (image: repo@sha256:...).',
    aliases: ['KSV-0013', 'KSV013', 'AVD-KSV-0013', 'CKV_K8S_14', 'latest-tag', 'container-image-tag'],
    practice: 'P2',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:latest
`,
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: registry.example.com:5000/shop/web
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
      image: nginx:1.27.3
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
      const ref = parseImageRef(image);
      // A digest fixes the content whatever the tag says.
      if (isDigest(ref.digest)) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      ctx.report({
        message: `Container "${c.name}" uses image "${image}" ${ref.tag === undefined ? 'without a tag (so :latest)' : 'with the :latest tag'}.`,
        at: { pointer: [...c.pointer, 'image'] },
        resource: containerResource(doc, c),
        fingerprintData: `${c.type}/${c.name}`,
      });
    }
  },
});
