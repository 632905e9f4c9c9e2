import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import latest from './base-image-latest-tag.js';
import digest from './base-image-not-pinned-by-digest.js';
import registry from './base-image-registry-not-allowed.js';

const run = createRuleTester({ describe, it, expect });

// DF-002
run(latest, {
  valid: [
    'FROM debian:12\n',
    'FROM debian@sha256:b877a1a3fdf02469440f1768cf69c9771338a875b7add5e80c45b756c92ac20a\n',
    { name: 'stage references and scratch are not images', code: 'FROM golang:1.23 AS build\nFROM build\nFROM scratch\n' },
    { name: 'ARG default is substituted', code: 'ARG TAG=12\nFROM debian:${TAG}\n' },
  ],
  invalid: [
    { code: 'FROM debian:latest AS base\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 19, message: 'latest tag', container: 'base' }] },
    { name: 'untagged through an ARG', code: 'ARG IMAGE=ghcr.io/acme/app\nFROM --platform=linux/amd64 ${IMAGE}\n', errors: [{ line: 2, column: 29, endColumn: 37, message: 'has no tag' }] },
  ],
});

// DF-003
run(digest, {
  valid: ['FROM debian:12@sha256:b877a1a3fdf02469440f1768cf69c9771338a875b7add5e80c45b756c92ac20a\n', 'FROM scratch\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20 AS build\nFROM build\nFROM nginx:1.27\n',
      errors: [
        { line: 1, column: 6, endColumn: 17, message: '"alpine:3.20"', container: 'build' },
        { line: 3, column: 6, endColumn: 16, message: '"nginx:1.27"', container: 'stage 2' },
      ],
    },
  ],
});

// DF-004
run(registry, {
  valid: [
    { name: 'silent without an allowlist', code: 'FROM quay.io/x/y:1\n' },
    { code: 'FROM debian:12\nFROM ghcr.io/acme/app:1\n', settings: { allowedRegistries: ['docker.io/library', 'ghcr.io/acme'] } },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nFROM quay.io/evil/app:1\n',
      settings: { allowedRegistries: ['docker.io/library'] },
      errors: [{ line: 2, column: 6, endColumn: 24, message: 'quay.io/evil/app' }],
    },
  ],
});
