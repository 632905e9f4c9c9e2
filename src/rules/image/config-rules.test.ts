import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rootDefaultUser from './root-default-user.js';
import secretInConfig from './secret-in-config.js';
import sshPortExposed from './ssh-port-exposed.js';
import missingHealthcheck from './missing-healthcheck.js';
import sensitiveVolume from './sensitive-volume.js';

const run = createRuleTester({ describe, it, expect });

/** An image view with the given `config.config` lines. */
const view = (inner: string) => `{
  "reference": "registry.example/app:1",
  "config": {
    "config": {
${inner}
    }
  },
  "files": []
}
`;

// IMG-001
run(rootDefaultUser, {
  valid: [view('      "User": "app"'), view('      "User": "10001:10001"'), { name: 'bare configuration', code: '{"config": {"User": "1000"}}\n' }],
  invalid: [
    { name: 'explicit root', code: view('      "User": "root"'), errors: [{ line: 5, column: 7, endLine: 5, endColumn: 21, message: '"root"' }] },
    { name: 'uid 0 with group', code: view('      "User": "0:0"'), errors: [{ line: 5, column: 7, message: '(root)' }] },
    { name: 'empty user points at the field', code: view('      "User": ""'), errors: [{ line: 5, column: 7, endColumn: 17, message: 'sets no default user' }] },
    { name: 'no User points at config', code: view('      "Cmd": ["sh"]'), errors: [{ line: 4, column: 5, endLine: 6, endColumn: 6 }] },
  ],
});

// IMG-002
run(secretInConfig, {
  valid: [
    view('      "Env": ["PATH=/bin", "PASSWORD_FILE=/run/secrets/pw", "GPG_KEY=ABCDEF", "API_TOKEN="]'),
    view('      "Labels": {"org.opencontainers.image.title": "app"}'),
  ],
  invalid: [
    {
      name: 'password in ENV, masked',
      code: view('      "Env": [\n        "PATH=/bin",\n        "MYSQL_PASSWD=password123"\n      ]'),
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 35, message: /MYSQL_PASSWD .*\(pa\*+\)/ }],
    },
    {
      name: 'token in a label',
      code: view('      "Labels": {\n        "deploy.api_token": "ghp_abcdefghijklmnop"\n      }'),
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 51, message: 'Label deploy.api_token' }],
    },
  ],
});

// IMG-008
run(sshPortExposed, {
  valid: [view('      "ExposedPorts": {"80/tcp": {}, "2222/tcp": {}}')],
  invalid: [{ code: view('      "ExposedPorts": {\n        "80/tcp": {},\n        "22/tcp": {}\n      }'), errors: [{ line: 7, column: 9, endLine: 7, endColumn: 21, message: '22/tcp' }] }],
});

// IMG-009
run(missingHealthcheck, {
  valid: [view('      "Healthcheck": {"Test": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}')],
  invalid: [
    { name: 'NONE disables it', code: view('      "Healthcheck": {"Test": ["NONE"]}'), errors: [{ line: 5, column: 7, message: 'HEALTHCHECK NONE' }] },
    { name: 'absent', code: view('      "User": "app"'), errors: [{ line: 4, column: 5, message: 'defines no HEALTHCHECK' }] },
  ],
});

// IMG-015
run(sensitiveVolume, {
  valid: [view('      "Volumes": {"/data": {}, "/var/lib/devices": {}}')],
  invalid: [{ code: view('      "Volumes": {\n        "/sys/fs/cgroup": {},\n        "/data": {}\n      }'), errors: [{ line: 6, column: 9, message: '/sys/fs/cgroup' }] }],
});
