import type { Rule } from '../types.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';

/** Kubernetes rules, sorted by id. */
export const kubernetesRules: Rule<any>[] = [readOnlyRootFilesystem];
