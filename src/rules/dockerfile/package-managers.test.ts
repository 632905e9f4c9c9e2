import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import updateAlone from './package-update-alone.js';
import aptYes from './apt-get-missing-yes.js';
import otherYes from './package-install-missing-yes.js';
import recommends from './apt-get-install-recommends.js';
import aptLists from './apt-lists-not-removed.js';
import apkCache from './apk-add-without-no-cache.js';
import yumClean from './yum-cache-not-cleaned.js';
import dnfClean from './dnf-cache-not-cleaned.js';
import zypperClean from './zypper-cache-not-cleaned.js';
import distUpgrade from './dist-upgrade.js';
import unpinned from './unpinned-package-version.js';

const run = createRuleTester({ describe, it, expect });

// DF-012
run(updateAlone, {
  valid: ['FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends gettext\nEOF\n'],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk update\n', errors: [{ line: 2, column: 5, endColumn: 15, message: '"apk update"' }] },
    { code: 'FROM debian:12\nRUN set -eux; \\\n  apt-get -o Acquire::Retries=3 update\n', errors: [{ line: 3, column: 3, endColumn: 39 }] },
  ],
});

// DF-013
run(aptYes, {
  valid: ['FROM debian:12\nRUN apt-get -fmy install a && apt-get -qq remove b && apt-get --yes purge c && apt-get install -s d\n'],
  invalid: [{ code: 'FROM debian:12\nRUN apt-get update && sudo apt-get install curl\n', errors: [{ line: 2, column: 28, endColumn: 43, message: '"apt-get install"' }] }],
});

// DF-014
run(otherYes, {
  valid: ['FROM fedora:41\nRUN dnf install -y a && yum --assumeyes install b && zypper --non-interactive in c && zypper install -y d\n'],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN yum install a\nRUN zypper in b\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: '"yum install"' }, { line: 3, column: 5, endColumn: 14, message: '--non-interactive' }],
    },
  ],
});

// DF-015
run(recommends, {
  valid: ['FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false a\n'],
  invalid: [{ code: 'FROM debian:12\nRUN apt-get install -y a\n', errors: [{ line: 2, column: 5, endColumn: 20 }] }],
});

// DF-016
run(aptLists, {
  valid: [
    { name: 'builder stages are not the final image', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /a /a\n' },
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y a\n',
    'FROM debian:13\nRUN apt-get update; apt-get install -y a; apt-get dist-clean\n',
  ],
  invalid: [{ code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y a && apt-get clean\nFROM base\n', errors: [{ line: 2, column: 5, endColumn: 19, container: 'base' }] }],
});

// DF-017
run(apkCache, {
  valid: ['FROM alpine:3.20\nRUN apk add --no-cache a\nRUN apk add b && rm -rf /var/cache/apk/*\n'],
  invalid: [{ code: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps a\n', errors: [{ line: 2, column: 19, endColumn: 26 }] }],
});

// DF-018
run(yumClean, {
  valid: ['FROM centos:7\nRUN yum install -y a && rm -rf /var/cache/yum\n'],
  invalid: [{ code: 'FROM centos:7\nRUN yum -y install a\n', errors: [{ line: 2, column: 5, endColumn: 19 }] }],
});

// DF-019
run(dnfClean, {
  valid: ['FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN microdnf install -y a && microdnf clean all\n'],
  invalid: [{ code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN microdnf install -y a\n', errors: [{ line: 2, column: 5, endColumn: 21, message: '"microdnf install"' }] }],
});

// DF-020
run(zypperClean, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper cc -a\n'],
  invalid: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper -n in a\n', errors: [{ line: 2, column: 5, endColumn: 17 }] }],
});

// DF-021
run(distUpgrade, {
  valid: ['FROM debian:12\nRUN apt-get upgrade -y\n'],
  invalid: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get -y full-upgrade\n', errors: [{ line: 2, column: 23, endColumn: 46 }] }],
});

// DF-022
run(unpinned, {
  valid: ['FROM debian:12\nRUN apt-get install -y a=1.0 ./local.deb "$PKGS" && apk add b~3.1 && dnf install -y c-1.2.3\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n  curl=8.5.0-2 \\\n  ca-certificates \\\n  git\n',
      errors: [{ line: 2, column: 5, endColumn: 20, message: 'installs ca-certificates, git without' }],
    },
  ],
});

describe('hostile command names', () => {
  it('commands named like Object.prototype members are ordinary commands', async () => {
    const { lint } = await import('../../testing/index.js');
    const { dockerfileRules } = await import('./index.js');
    const code = 'FROM x:1\nRUN constructor install toString && __proto__ add hasOwnProperty && sudo constructor | valueOf\n';
    for (const rule of dockerfileRules) expect(() => lint(rule, code), rule.meta.id).not.toThrow();
  });
});
