import type { Rule } from '../types.js';
import pssHostProcess from './pss-host-process.js';
import pssHostNamespaces from './pss-host-namespaces.js';
import pssPrivileged from './pss-privileged.js';
import pssCapabilitiesBaseline from './pss-capabilities-baseline.js';
import pssHostPathVolumes from './pss-host-path-volumes.js';
import pssHostPorts from './pss-host-ports.js';
import pssApparmor from './pss-apparmor.js';
import pssSelinux from './pss-selinux.js';
import pssProcMount from './pss-proc-mount.js';
import pssSeccompBaseline from './pss-seccomp-baseline.js';
import pssSysctls from './pss-sysctls.js';
import pssHostProbes from './pss-host-probes.js';
import pssRestrictedVolumes from './pss-restricted-volumes.js';
import pssPrivilegeEscalation from './pss-privilege-escalation.js';
import pssRunAsNonRoot from './pss-run-as-non-root.js';
import pssRunAsUser from './pss-run-as-user.js';
import pssSeccompRestricted from './pss-seccomp-restricted.js';
import pssCapabilitiesRestricted from './pss-capabilities-restricted.js';
import pssProcMountRestricted from './pss-proc-mount-restricted.js';
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
import ingressWithoutTls from './ingress-without-tls.js';

/** Kubernetes rules, sorted by id. */
export const kubernetesRules: Rule<any>[] = [
  pssHostProcess,
  pssHostNamespaces,
  pssPrivileged,
  pssCapabilitiesBaseline,
  pssHostPathVolumes,
  pssHostPorts,
  pssApparmor,
  pssSelinux,
  pssProcMount,
  pssSeccompBaseline,
  pssSysctls,
  pssHostProbes,
  pssRestrictedVolumes,
  pssPrivilegeEscalation,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeccompRestricted,
  pssCapabilitiesRestricted,
  pssProcMountRestricted,
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
  ingressWithoutTls,
];
