import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** Devices that give raw access to host memory or disks. */
const RAW = /^\/dev\/(mem|kmem|port|sd[a-z]|nvme\d|vd[a-z]|xvd[a-z]|hd[a-z]|mmcblk\d|dm-\d|mapper\/|loop|md\d|disk\/)/;

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-021',
    slug: 'host-devices',
    title: 'Service maps host devices',
    severity: 'medium',
    appliesTo: ['compose'],
    description: 'A host device mapped into a container bypasses the container boundary for that hardware; disks and memory devices hand over the host.',
    remediation: 'Remove the devices: entry unless the service needs that hardware; never map disks, /dev/mem or /dev/kmem, and map with the least permissions (e.g. "/dev/ttyUSB0:/dev/ttyUSB0:r").',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#devices'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    devices:\n      - /dev/sda:/dev/sda\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  check(doc, ctx) {
    for (const d of doc.service.devices) {
      const raw = d.source !== undefined && RAW.test(d.source);
      ctx.report({
        message: `Service "${doc.service.name}" maps host device ${d.source ?? d.display}${raw ? ', which gives raw access to host disks or memory' : ''}.`,
        at: { pointer: d.pointer },
        severity: raw ? 'high' : 'medium',
        fingerprintData: `device/${d.source ?? d.display}`,
      });
    }
  },
});
