import type { Severity } from '../model/index.js';

/**
 * CVSS base scores computed from vector strings: v2, v3.0, v3.1 (FIRST specification formulas)
 * and v4.0 (MacroVector lookup and interpolation, with the table values published by FIRST).
 */
export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  score: number;
}

function metrics(parts: string[]): Map<string, string> | undefined {
  const m = new Map<string, string>();
  for (const p of parts) {
    const i = p.indexOf(':');
    if (i <= 0) return undefined;
    const k = p.slice(0, i);
    if (m.has(k)) return undefined;
    m.set(k, p.slice(i + 1));
  }
  return m;
}

// ---------------------------------------------------------------- v3.x
const V3 = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

function roundUp30(x: number): number {
  return Math.ceil(x * 10) / 10;
}

export function cvss3BaseScore(vector: string): CvssScore | undefined {
  const parts = vector.trim().split('/');
  const head = parts.shift();
  const ver = head === 'CVSS:3.1' ? '3.1' : head === 'CVSS:3.0' ? '3.0' : undefined;
  if (!ver) return undefined;
  const m = metrics(parts);
  if (!m) return undefined;
  const av = V3.AV[m.get('AV') as keyof typeof V3.AV];
  const ac = V3.AC[m.get('AC') as keyof typeof V3.AC];
  const ui = V3.UI[m.get('UI') as keyof typeof V3.UI];
  const s = m.get('S');
  const c = V3.CIA[m.get('C') as keyof typeof V3.CIA];
  const i = V3.CIA[m.get('I') as keyof typeof V3.CIA];
  const a = V3.CIA[m.get('A') as keyof typeof V3.CIA];
  const prv = m.get('PR');
  if (av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined) return undefined;
  if (s !== 'U' && s !== 'C') return undefined;
  const changed = s === 'C';
  const pr = prv === 'N' ? 0.85 : prv === 'L' ? (changed ? 0.68 : 0.62) : prv === 'H' ? (changed ? 0.5 : 0.27) : undefined;
  if (pr === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  const roundUp = ver === '3.1' ? roundUp31 : roundUp30;
  let score = 0;
  if (impact > 0) score = changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
  return { version: ver, vector, score };
}

// ---------------------------------------------------------------- v2
export function cvss2BaseScore(vector: string): CvssScore | undefined {
  const parts = vector.trim().replace(/^\(|\)$/g, '').split('/');
  if (parts[0] === 'CVSS:2.0') parts.shift();
  const m = metrics(parts);
  if (!m) return undefined;
  const av = ({ L: 0.395, A: 0.646, N: 1.0 } as Record<string, number>)[m.get('AV') ?? ''];
  const ac = ({ H: 0.35, M: 0.61, L: 0.71 } as Record<string, number>)[m.get('AC') ?? ''];
  const au = ({ M: 0.45, S: 0.56, N: 0.704 } as Record<string, number>)[m.get('Au') ?? ''];
  const cia = { N: 0, P: 0.275, C: 0.66 } as Record<string, number>;
  const c = cia[m.get('C') ?? ''];
  const i = cia[m.get('I') ?? ''];
  const a = cia[m.get('A') ?? ''];
  if (av === undefined || ac === undefined || au === undefined || c === undefined || i === undefined || a === undefined) return undefined;
  const impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  const exploitability = 20 * av * ac * au;
  const f = impact === 0 ? 0 : 1.176;
  const score = Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10 + 1e-9) / 10;
  return { version: '2.0', vector, score: Math.max(0, score) };
}

// ---------------------------------------------------------------- v4.0
/** MacroVector (EQ1..EQ6) -> score, from the FIRST CVSS v4.0 specification's lookup table. */
const V4_LOOKUP: Record<string, number> = JSON.parse(
  '{"000000":10,"000001":9.9,"000010":9.8,"000011":9.5,"000020":9.5,"000021":9.2,"000100":10,"000101":9.6,"000110":9.3,"000111":8.7,"000120":9.1,"000121":8.1,"000200":9.3,"000201":9,"000210":8.9,"000211":8,"000220":8.1,"000221":6.8,"001000":9.8,"001001":9.5,"001010":9.5,"001011":9.2,"001020":9,"001021":8.4,"001100":9.3,"001101":9.2,"001110":8.9,"001111":8.1,"001120":8.1,"001121":6.5,"001200":8.8,"001201":8,"001210":7.8,"001211":7,"001220":6.9,"001221":4.8,"002001":9.2,"002011":8.2,"002021":7.2,"002101":7.9,"002111":6.9,"002121":5,"002201":6.9,"002211":5.5,"002221":2.7,' +
    '"010000":9.9,"010001":9.7,"010010":9.5,"010011":9.2,"010020":9.2,"010021":8.5,"010100":9.5,"010101":9.1,"010110":9,"010111":8.3,"010120":8.4,"010121":7.1,"010200":9.2,"010201":8.1,"010210":8.2,"010211":7.1,"010220":7.2,"010221":5.3,"011000":9.5,"011001":9.3,"011010":9.2,"011011":8.5,"011020":8.5,"011021":7.3,"011100":9.2,"011101":8.2,"011110":8,"011111":7.2,"011120":7,"011121":5.9,"011200":8.4,"011201":7,"011210":7.1,"011211":5.2,"011220":5,"011221":3,"012001":8.6,"012011":7.5,"012021":5.2,"012101":7.1,"012111":5.2,"012121":2.9,"012201":6.3,"012211":2.9,"012221":1.7,' +
    '"100000":9.8,"100001":9.5,"100010":9.4,"100011":8.7,"100020":9.1,"100021":8.1,"100100":9.4,"100101":8.9,"100110":8.6,"100111":7.4,"100120":7.7,"100121":6.4,"100200":8.7,"100201":7.5,"100210":7.4,"100211":6.3,"100220":6.3,"100221":4.9,"101000":9.4,"101001":8.9,"101010":8.8,"101011":7.7,"101020":7.6,"101021":6.7,"101100":8.6,"101101":7.6,"101110":7.4,"101111":5.8,"101120":5.9,"101121":5,"101200":7.2,"101201":5.7,"101210":5.7,"101211":5.2,"101220":5.2,"101221":2.5,"102001":8.3,"102011":7,"102021":5.4,"102101":6.5,"102111":5.8,"102121":2.6,"102201":5.3,"102211":2.1,"102221":1.3,' +
    '"110000":9.5,"110001":9,"110010":8.8,"110011":7.6,"110020":7.6,"110021":7,"110100":9,"110101":7.7,"110110":7.5,"110111":6.2,"110120":6.1,"110121":5.3,"110200":7.7,"110201":6.6,"110210":6.8,"110211":5.9,"110220":5.2,"110221":3,"111000":8.9,"111001":7.8,"111010":7.6,"111011":6.7,"111020":6.2,"111021":5.8,"111100":7.4,"111101":5.9,"111110":5.7,"111111":5.7,"111120":4.7,"111121":2.3,"111200":6.1,"111201":5.2,"111210":5.7,"111211":2.9,"111220":2.4,"111221":1.6,"112001":7.1,"112011":5.9,"112021":3,"112101":5.8,"112111":2.6,"112121":1.5,"112201":2.3,"112211":1.3,"112221":0.6,' +
    '"200000":9.3,"200001":8.7,"200010":8.6,"200011":7.2,"200020":7.5,"200021":5.8,"200100":8.6,"200101":7.4,"200110":7.4,"200111":6.1,"200120":5.6,"200121":3.4,"200200":7,"200201":5.4,"200210":5.2,"200211":4,"200220":4,"200221":2.2,"201000":8.5,"201001":7.5,"201010":7.4,"201011":5.5,"201020":6.2,"201021":5.1,"201100":7.2,"201101":5.7,"201110":5.5,"201111":4.1,"201120":4.6,"201121":1.9,"201200":5.3,"201201":3.6,"201210":3.4,"201211":1.9,"201220":1.9,"201221":0.8,"202001":6.4,"202011":5.1,"202021":2,"202101":4.7,"202111":2.1,"202121":1.1,"202201":2.4,"202211":0.9,"202221":0.4,' +
    '"210000":8.8,"210001":7.5,"210010":7.3,"210011":5.3,"210020":6,"210021":5,"210100":7.3,"210101":5.5,"210110":5.9,"210111":4,"210120":4.1,"210121":2,"210200":5.4,"210201":4.3,"210210":4.5,"210211":2.2,"210220":2,"210221":1.1,"211000":7.5,"211001":5.5,"211010":5.8,"211011":4.5,"211020":4,"211021":2.1,"211100":6.1,"211101":5.1,"211110":4.8,"211111":1.8,"211120":2,"211121":0.9,"211200":4.6,"211201":1.8,"211210":1.7,"211211":0.7,"211220":0.8,"211221":0.2,"212001":5.3,"212011":2.4,"212021":1.4,"212101":2.4,"212111":1.2,"212121":0.5,"212201":1,"212211":0.3,"212221":0.1}',
);

/** Highest-severity vectors of each equivalence class level (partial vectors, specification Table 24+). */
const V4_MAX: {
  eq1: string[][];
  eq2: string[][];
  eq3eq6: Record<string, string[]>;
  eq4: string[][];
  eq5: string[][];
} = {
  eq1: [['AV:N/PR:N/UI:N'], ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'], ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']],
  eq2: [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']],
  eq3eq6: {
    '00': ['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'],
    '01': ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M'],
    '10': ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
    '11': ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M', 'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M'],
    '21': ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H'],
  },
  eq4: [['SC:H/SI:S/SA:S'], ['SC:H/SI:H/SA:H'], ['SC:L/SI:L/SA:L']],
  eq5: [['E:A'], ['E:P'], ['E:U']],
};

/** Maximal severity distance within each level (in steps of 0.1). */
const V4_MAX_SEVERITY = {
  eq1: [1, 4, 5],
  eq2: [1, 2],
  eq3eq6: { '00': 7, '01': 6, '10': 8, '11': 8, '21': 10 } as Record<string, number>,
  eq4: [6, 5, 4],
};

const V4_LEVELS: Record<string, Record<string, number>> = {
  AV: { N: 0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0, L: 0.1, H: 0.2 },
  UI: { N: 0, P: 0.1, A: 0.2 },
  AC: { L: 0, H: 0.1 },
  AT: { N: 0, P: 0.1 },
  VC: { H: 0, L: 0.1, N: 0.2 },
  VI: { H: 0, L: 0.1, N: 0.2 },
  VA: { H: 0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0, M: 0.1, L: 0.2 },
  IR: { H: 0, M: 0.1, L: 0.2 },
  AR: { H: 0, M: 0.1, L: 0.2 },
};

const V4_BASE: Record<string, string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  AT: ['N', 'P'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'],
  VI: ['H', 'L', 'N'],
  VA: ['H', 'L', 'N'],
  SC: ['H', 'L', 'N'],
  SI: ['H', 'L', 'N'],
  SA: ['H', 'L', 'N'],
};

export function cvss4Score(vector: string): CvssScore | undefined {
  const parts = vector.trim().split('/');
  if (parts.shift() !== 'CVSS:4.0') return undefined;
  const m = metrics(parts);
  if (!m) return undefined;
  for (const [k, allowed] of Object.entries(V4_BASE)) {
    if (!allowed.includes(m.get(k) ?? '')) return undefined;
  }
  // The effective value of a metric: a modified (environmental) value overrides the base one;
  // E and CR/IR/AR default to their worst case when not defined.
  const eff = (k: string): string => {
    const mod = m.get(`M${k}`);
    if (mod !== undefined && mod !== 'X') return mod;
    const v = m.get(k);
    if (k === 'E' && (v === undefined || v === 'X')) return 'A';
    if ((k === 'CR' || k === 'IR' || k === 'AR') && (v === undefined || v === 'X')) return 'H';
    return v ?? 'X';
  };
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((k) => eff(k) === 'N')) return { version: '4.0', vector, score: 0 };

  const AV = eff('AV'), PR = eff('PR'), UI = eff('UI'), AC = eff('AC'), AT = eff('AT');
  const VC = eff('VC'), VI = eff('VI'), VA = eff('VA'), SC = eff('SC'), SI = eff('SI'), SA = eff('SA');
  const E = eff('E'), CR = eff('CR'), IR = eff('IR'), AR = eff('AR');

  const eq1 = AV === 'N' && PR === 'N' && UI === 'N' ? 0 : (AV === 'N' || PR === 'N' || UI === 'N') && AV !== 'P' ? 1 : 2;
  const eq2 = AC === 'L' && AT === 'N' ? 0 : 1;
  const eq3 = VC === 'H' && VI === 'H' ? 0 : VC === 'H' || VI === 'H' || VA === 'H' ? 1 : 2;
  const eq4 = m.get('MSI') === 'S' || m.get('MSA') === 'S' ? 0 : SC === 'H' || SI === 'H' || SA === 'H' ? 1 : 2;
  const eq5 = E === 'A' ? 0 : E === 'P' ? 1 : 2;
  const eq6 = (CR === 'H' && VC === 'H') || (IR === 'H' && VI === 'H') || (AR === 'H' && VA === 'H') ? 0 : 1;

  const key = (a: number, b: number, c: number, d: number, e: number, f: number) => `${a}${b}${c}${d}${e}${f}`;
  const value = V4_LOOKUP[key(eq1, eq2, eq3, eq4, eq5, eq6)];
  if (value === undefined) return undefined;

  const lower = (k: string): number => V4_LOOKUP[k] ?? NaN;
  const nextEq1 = lower(key(eq1 + 1, eq2, eq3, eq4, eq5, eq6));
  const nextEq2 = lower(key(eq1, eq2 + 1, eq3, eq4, eq5, eq6));
  let nextEq3eq6: number;
  if (eq3 === 1 && eq6 === 1) nextEq3eq6 = lower(key(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
  else if (eq3 === 0 && eq6 === 1) nextEq3eq6 = lower(key(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
  else if (eq3 === 1 && eq6 === 0) nextEq3eq6 = lower(key(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
  else if (eq3 === 0 && eq6 === 0) {
    const left = lower(key(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
    const right = lower(key(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
    nextEq3eq6 = left > right ? left : right;
  } else nextEq3eq6 = lower(key(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1));
  const nextEq4 = lower(key(eq1, eq2, eq3, eq4 + 1, eq5, eq6));
  const nextEq5 = lower(key(eq1, eq2, eq3, eq4, eq5 + 1, eq6));

  // Find the highest-severity vector of this MacroVector that the given vector does not exceed.
  const level = (k: string, v: string): number => V4_LEVELS[k]![v] ?? 0;
  const cur: Record<string, string> = { AV, PR, UI, AC, AT, VC, VI, VA, SC, SI, SA, CR, IR, AR };
  let dist: Record<string, number> | undefined;
  outer: for (const a of V4_MAX.eq1[eq1]!)
    for (const b of V4_MAX.eq2[eq2]!)
      for (const c of V4_MAX.eq3eq6[`${eq3}${eq6}`]!)
        for (const d of V4_MAX.eq4[eq4]!)
          for (const e of V4_MAX.eq5[eq5]!) {
            const max = metrics(`${a}/${b}/${c}/${d}/${e}`.split('/'))!;
            const dd: Record<string, number> = {};
            let ok = true;
            for (const k of Object.keys(cur)) {
              dd[k] = level(k, cur[k]!) - level(k, max.get(k)!);
              if (dd[k]! < 0) ok = false;
            }
            if (ok) {
              dist = dd;
              break outer;
            }
          }
  if (!dist) return undefined;
  const d = dist;
  const sev = {
    eq1: d.AV! + d.PR! + d.UI!,
    eq2: d.AC! + d.AT!,
    eq3eq6: d.VC! + d.VI! + d.VA! + d.CR! + d.IR! + d.AR!,
    eq4: d.SC! + d.SI! + d.SA!,
  };
  const step = 0.1;
  const parts4: { avail: number; current: number; max: number }[] = [
    { avail: value - nextEq1, current: sev.eq1, max: V4_MAX_SEVERITY.eq1[eq1]! * step },
    { avail: value - nextEq2, current: sev.eq2, max: V4_MAX_SEVERITY.eq2[eq2]! * step },
    { avail: value - nextEq3eq6, current: sev.eq3eq6, max: V4_MAX_SEVERITY.eq3eq6[`${eq3}${eq6}`]! * step },
    { avail: value - nextEq4, current: sev.eq4, max: V4_MAX_SEVERITY.eq4[eq4]! * step },
    { avail: value - nextEq5, current: 0, max: 1 },
  ];
  let n = 0;
  let sum = 0;
  for (const p of parts4) {
    if (Number.isNaN(p.avail)) continue;
    n++;
    sum += p.avail * (p.current / p.max);
  }
  let score = value - (n === 0 ? 0 : sum / n);
  score = Math.min(10, Math.max(0, score));
  return { version: '4.0', vector, score: Math.round(score * 10 + 1e-9) / 10 };
}

/** Scores any CVSS vector drydock understands. */
export function cvssScore(vector: string): CvssScore | undefined {
  // Advisories share a few thousand distinct vectors: each is scored once (treat the result as read-only).
  let score = scores.get(vector);
  if (score === undefined && !scores.has(vector)) {
    if (scores.size >= 10_000) scores.clear();
    score = scoreUncached(vector);
    scores.set(vector, score);
  }
  return score;
}

const scores = new Map<string, CvssScore | undefined>();

function scoreUncached(vector: string): CvssScore | undefined {
  const v = vector.trim();
  if (v.startsWith('CVSS:4.0/')) return cvss4Score(v);
  if (v.startsWith('CVSS:3.')) return cvss3BaseScore(v);
  if (/^(\(|CVSS:2\.0\/)?AV:[LAN]\/AC:/.test(v)) return cvss2BaseScore(v);
  return undefined;
}

/** The qualitative rating of a score (CVSS v3/v4 table; v2 has no "critical"). */
export function severityFromScore(score: number, version: CvssScore['version'] = '3.1'): Severity {
  if (version === '2.0') return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score >= 0.1) return 'low';
  return 'info';
}
