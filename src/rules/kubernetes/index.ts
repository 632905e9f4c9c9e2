import type { Rule } from '../types.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import cpuLimitNotSet from './cpu-limit-not-set.js';
import memoryLimitNotSet from './memory-limit-not-set.js';
import cpuRequestNotSet from './cpu-request-not-set.js';
import memoryRequestNotSet from './memory-request-not-set.js';
import serviceAccountTokenAutomounted from './service-account-token-automounted.js';
import defaultServiceAccount from './default-service-account.js';
import defaultNamespace from './default-namespace.js';
import imageTagLatest from './image-tag-latest.js';
import imageNotPinnedByDigest from './image-not-pinned-by-digest.js';
import imageRegistryNotAllowed from './image-registry-not-allowed.js';
import secretInEnvLiteral from './secret-in-env-literal.js';
import sensitiveHostPath from './sensitive-host-path.js';
import netRawNotDropped from './net-raw-not-dropped.js';
import lowRunAsUser from './low-run-as-user.js';
import lowRunAsGroup from './low-run-as-group.js';
import secretDataCommitted from './secret-data-committed.js';
import serviceExposed from './service-exposed.js';
import hostPort from './host-port.js';
import ingressWithoutTls from './ingress-without-tls.js';

/** Kubernetes rules, sorted by id. */
export const kubernetesRules: Rule<any>[] = [
  readOnlyRootFilesystem,
  cpuLimitNotSet,
  memoryLimitNotSet,
  cpuRequestNotSet,
  memoryRequestNotSet,
  serviceAccountTokenAutomounted,
  defaultServiceAccount,
  defaultNamespace,
  imageTagLatest,
  imageNotPinnedByDigest,
  imageRegistryNotAllowed,
  secretInEnvLiteral,
  sensitiveHostPath,
  netRawNotDropped,
  lowRunAsUser,
  lowRunAsGroup,
  secretDataCommitted,
  serviceExposed,
  hostPort,
  ingressWithoutTls,
];
