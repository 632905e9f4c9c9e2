/** The practices of MISSION.md. Every rule enforces exactly one. */
export const PRACTICES = {
  P1: 'threat-model',
  P2: 'trusted-base',
  P3: 'vuln-scan',
  P4: 'sign-verify',
  P5: 'sbom',
  P6: 'image-hardening',
  P7: 'least-privilege',
  P8: 'secrets',
  P9: 'network',
  P10: 'rbac-admission',
  P11: 'control-plane',
  P12: 'detect',
  P13: 'ci-gates',
  P14: 'respond',
} as const;

export type PracticeId = keyof typeof PRACTICES;
