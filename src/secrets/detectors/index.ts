import type { Detector } from '../types.js';
import { cloudDetectors } from './cloud.js';
import { genericDetectors } from './generic.js';
import { keyDetectors } from './keys.js';
import { registryDetectors } from './registries.js';
import { saasDetectors } from './saas.js';
import { tokenDetectors } from './tokens.js';
import { urlDetectors } from './urls.js';
import { vcsDetectors } from './vcs.js';

/** Every detector, in a fixed order (rule ids follow it). */
export const DETECTORS: readonly Detector[] = [
  ...cloudDetectors,
  ...vcsDetectors,
  ...registryDetectors,
  ...saasDetectors,
  ...keyDetectors,
  ...tokenDetectors,
  ...urlDetectors,
  ...genericDetectors,
];

export function detectorById(id: string): Detector | undefined {
  return DETECTORS.find((d) => d.id === id);
}
