import { composeAnalyzer } from './compose.js';
import { kubernetesAnalyzer } from './kubernetes.js';
import type { Analyzer } from './types.js';

/** Every analyzer, in the order files are offered to them. A file may be claimed by several. */
export const analyzers: readonly Analyzer[] = [composeAnalyzer, kubernetesAnalyzer];

export function analyzerFor(kind: string): Analyzer | undefined {
  return analyzers.find((a) => a.kind === kind);
}
