const collator = new Intl.Collator('en', { numeric: true });

/** Orders ids naturally (K8S-2 before K8S-10). One collator: localeCompare with options builds one per call. */
export const compareIds: (a: string, b: string) => number = collator.compare;
