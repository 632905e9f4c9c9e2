import { composeAnalyzer } from './compose.js';
import { dockerfileAnalyzer } from './dockerfile.js';
import { imageAnalyzer } from './image.js';
import { kubernetesAnalyzer } from './kubernetes.js';
import { packagesAnalyzer } from './packages.js';
import { secretsAnalyzer } from './secrets.js';
import type { Analyzer } from './types.js';

/** Every analyzer, in the order files are offered to them. A file may be claimed by several. */
export const analyzers: readonly Analyzer[] = [composeAnalyzer, dockerfileAnalyzer, imageAnalyzer, kubernetesAnalyzer, packagesAnalyzer, secretsAnalyzer];

export function analyzerFor(kind: string): Analyzer | undefined {
  return analyzers.find((a) => a.kind === kind);
}
