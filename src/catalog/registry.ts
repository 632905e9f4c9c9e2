import { apkCataloger } from './os/apk.js';
import { dpkgCataloger } from './os/dpkg.js';
import { rpmCataloger } from './os/rpm.js';
import { cargoAuditableCataloger } from './lang/cargo-auditable.js';
import { goBinaryCataloger } from './lang/go-binary.js';
import {
  composerInstalledCataloger,
  dotnetDepsCataloger,
  gemspecCataloger,
  npmPackageCataloger,
  pythonPackageCataloger,
} from './lang/installed.js';
import { javaArchiveCataloger } from './lang/java.js';
import { npmLockCataloger, pnpmLockCataloger, yarnLockCataloger } from './lock/javascript.js';
import {
  cargoLockCataloger,
  composerLockCataloger,
  gemfileLockCataloger,
  goModCataloger,
  gradleLockCataloger,
  nugetLockCataloger,
  pipfileLockCataloger,
  poetryLockCataloger,
  requirementsCataloger,
} from './lock/others.js';
import type { Cataloger } from './types.js';

/** Every cataloger. Ids ending in `-lock` read lockfiles (build inputs), the others installed packages. */
export const catalogers: readonly Cataloger[] = [
  dpkgCataloger,
  apkCataloger,
  rpmCataloger,
  npmPackageCataloger,
  pythonPackageCataloger,
  goBinaryCataloger,
  cargoAuditableCataloger,
  javaArchiveCataloger,
  gemspecCataloger,
  composerInstalledCataloger,
  dotnetDepsCataloger,
  npmLockCataloger,
  yarnLockCataloger,
  pnpmLockCataloger,
  requirementsCataloger,
  poetryLockCataloger,
  pipfileLockCataloger,
  goModCataloger,
  cargoLockCataloger,
  gemfileLockCataloger,
  composerLockCataloger,
  nugetLockCataloger,
  gradleLockCataloger,
];
