import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { imageRules } from './image/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import { secretRules } from './secrets/index.js';
import { ruleMatchesId } from '../engine/rule-index.js';
import type { Rule } from './types.js';
import { compareIds } from '../util/compare.js';

/** THE registry: every rule drydock has, sorted by id. */
export const allRules: readonly Rule<any>[] = [...composeRules, ...dockerfileRules, ...imageRules, ...kubernetesRules, ...secretRules].sort((a, b) => compareIds(a.meta.id, b.meta.id));

/** A rule by id, slug or any alias, in any of its spellings (KSV014, KSV-0014, AVD-KSV-0014). */
export function findRule(idOrAlias: string): Rule<any> | undefined {
  return allRules.find((r) => r.meta.id === idOrAlias.toUpperCase()) ?? allRules.find((r) => ruleMatchesId(r.meta, idOrAlias));
}
