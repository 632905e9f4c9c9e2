import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import { lint } from '../../testing/index.js';
import rule from './host-devices.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: ['services:\n  app:\n    image: x:1\n    devices: []\n'],
  invalid: [
    {
      name: 'short and long syntax',
      code: 'services:\n  app:\n    image: x:1\n    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB0:rwm\n      - source: /dev/sda\n        target: /dev/xvda\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 38, message: 'maps host device /dev/ttyUSB0.' },
        { line: 6, column: 9, endLine: 7, endColumn: 26, message: 'raw access to host disks or memory' },
      ],
    },
  ],
});

describe('DC-021 severity', () => {
  it('is high for disks and memory devices', () => {
    const found = lint(rule, 'services:\n  a:\n    image: x:1\n    devices: ["/dev/mem:/dev/mem", "/dev/dri:/dev/dri"]\n');
    expect(found.map((f) => f.severity)).toEqual(['high', 'medium']);
  });
});
