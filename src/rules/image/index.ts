import type { Rule } from '../types.js';
import rootDefaultUser from './root-default-user.js';
import secretInConfig from './secret-in-config.js';
import credentialFile from './credential-file.js';
import setuidSetgidFile from './setuid-setgid-file.js';
import worldWritablePath from './world-writable-path.js';
import packageManagerCache from './package-manager-cache.js';
import sudoPresent from './sudo-present.js';
import sshPortExposed from './ssh-port-exposed.js';
import missingHealthcheck from './missing-healthcheck.js';
import addInHistory from './add-in-history.js';
import updateAlone from './update-alone.js';
import aptListsKept from './apt-lists-kept.js';
import apkAddCache from './apk-add-cache.js';
import distUpgrade from './dist-upgrade.js';
import sensitiveVolume from './sensitive-volume.js';
import emptyPassword from './empty-password.js';
import duplicateAccountId from './duplicate-account-id.js';
import unneededFiles from './unneeded-files.js';

/** Image hardening rules, sorted by id. */
export const imageRules: Rule<any>[] = [
  rootDefaultUser,
  secretInConfig,
  credentialFile,
  setuidSetgidFile,
  worldWritablePath,
  packageManagerCache,
  sudoPresent,
  sshPortExposed,
  missingHealthcheck,
  addInHistory,
  updateAlone,
  aptListsKept,
  apkAddCache,
  distUpgrade,
  sensitiveVolume,
  emptyPassword,
  duplicateAccountId,
  unneededFiles,
];
