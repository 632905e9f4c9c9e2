import type { RuleMeta } from '../rules/types.js';

/** Upper-case and drop separators, so KSV-0017, KSV017, ksv_0017 and AVD-KSV-0017 compare equal. */
function normalise(id: string): string {
  let s = id.toUpperCase().replace(/^AVD-/, '');
  s = s.replace(/[-_\s]/g, '');
  // KSV0017 and KSV017 are the same check: strip leading zeros of the numeric tail.
  return s.replace(/^([A-Z]+)0*(\d+)$/, '$1$2');
}

/** Whether `id` names this rule: its own id, its slug, or any alias in any of its spellings. */
export function ruleMatchesId(meta: RuleMeta, id: string): boolean {
  const n = normalise(id);
  if (n === normalise(meta.id) || id === meta.slug) return true;
  return meta.aliases.some((a) => normalise(a) === n);
}
