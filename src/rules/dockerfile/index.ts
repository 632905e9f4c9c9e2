import type { Rule } from '../types.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addRemoteWithoutChecksum from './add-remote-without-checksum.js';
import apkAddWithoutNoCache from './apk-add-without-no-cache.js';
import aptGetInstallRecommends from './apt-get-install-recommends.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptListsNotRemoved from './apt-lists-not-removed.js';
import baseImageLatestTag from './base-image-latest-tag.js';
import baseImageNotPinnedByDigest from './base-image-not-pinned-by-digest.js';
import baseImageRegistryNotAllowed from './base-image-registry-not-allowed.js';
import buildToolsInFinalImage from './build-tools-in-final-image.js';
import copyCredentialFile from './copy-credential-file.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import curlPipedToShell from './curl-piped-to-shell.js';
import distUpgrade from './dist-upgrade.js';
import dnfCacheNotCleaned from './dnf-cache-not-cleaned.js';
import exposeSshPort from './expose-ssh-port.js';
import finalStageRunsAsRoot from './final-stage-runs-as-root.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import missingHealthcheck from './missing-healthcheck.js';
import multipleCmdOrEntrypoint from './multiple-cmd-or-entrypoint.js';
import packageInstallMissingYes from './package-install-missing-yes.js';
import packageUpdateAlone from './package-update-alone.js';
import pipeWithoutPipefail from './pipe-without-pipefail.js';
import relativeWorkdir from './relative-workdir.js';
import secretInEnvOrArg from './secret-in-env-or-arg.js';
import shellFormEntrypoint from './shell-form-entrypoint.js';
import sudoInRun from './sudo-in-run.js';
import unpinnedPackageVersion from './unpinned-package-version.js';
import worldWritablePermissions from './world-writable-permissions.js';
import yumCacheNotCleaned from './yum-cache-not-cleaned.js';
import zypperCacheNotCleaned from './zypper-cache-not-cleaned.js';

/** Dockerfile rules, sorted by id. */
export const dockerfileRules: Rule<any>[] = [
  finalStageRunsAsRoot,
  baseImageLatestTag,
  baseImageNotPinnedByDigest,
  baseImageRegistryNotAllowed,
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  curlPipedToShell,
  sudoInRun,
  worldWritablePermissions,
  secretInEnvOrArg,
  copyCredentialFile,
  packageUpdateAlone,
  aptGetMissingYes,
  packageInstallMissingYes,
  aptGetInstallRecommends,
  aptListsNotRemoved,
  apkAddWithoutNoCache,
  yumCacheNotCleaned,
  dnfCacheNotCleaned,
  zypperCacheNotCleaned,
  distUpgrade,
  unpinnedPackageVersion,
  exposeSshPort,
  relativeWorkdir,
  multipleCmdOrEntrypoint,
  shellFormEntrypoint,
  pipeWithoutPipefail,
  copyFromUnknownStage,
  buildToolsInFinalImage,
  missingHealthcheck,
  maintainerDeprecated,
];
