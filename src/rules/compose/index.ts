import type { Rule } from '../types.js';
import privileged from './privileged.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import unconfinedSecurityProfile from './unconfined-security-profile.js';
import noNewPrivileges from './no-new-privileges.js';
import hostNetwork from './host-network.js';
import hostPid from './host-pid.js';
import hostIpc from './host-ipc.js';
import hostUserNamespace from './host-user-namespace.js';
import dockerSocketMount from './docker-socket-mount.js';
import sensitiveHostMount from './sensitive-host-mount.js';
import writableRootFilesystem from './writable-root-filesystem.js';
import runsAsRoot from './runs-as-root.js';
import portOnAllInterfaces from './port-on-all-interfaces.js';
import literalSecretInEnvironment from './literal-secret-in-environment.js';
import noMemoryLimit from './no-memory-limit.js';
import noCpuLimit from './no-cpu-limit.js';
import noPidsLimit from './no-pids-limit.js';
import imageLatestTag from './image-latest-tag.js';
import imageNotPinnedByDigest from './image-not-pinned-by-digest.js';
import hostDevices from './host-devices.js';

/** Docker Compose rules, sorted by id. */
export const composeRules: Rule<any>[] = [
  privileged,
  dangerousCapabilities,
  capabilitiesNotDropped,
  unconfinedSecurityProfile,
  noNewPrivileges,
  hostNetwork,
  hostPid,
  hostIpc,
  hostUserNamespace,
  dockerSocketMount,
  sensitiveHostMount,
  writableRootFilesystem,
  runsAsRoot,
  portOnAllInterfaces,
  literalSecretInEnvironment,
  noMemoryLimit,
  noCpuLimit,
  noPidsLimit,
  imageLatestTag,
  imageNotPinnedByDigest,
  hostDevices,
];
