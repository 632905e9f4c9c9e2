import type { Pointer, PssControl, PssField, PssLevel } from './types.js';

/**
 * The Pod Security Standards checks, versioned the way Pod Security Admission versions them.
 * Each function sees a pod spec and the pod's metadata as plain JSON and returns undefined when
 * the pod passes, or PSA's forbidden reason and detail plus the offending fields.
 */

type Obj = Record<string, unknown>;

export interface PodView {
  spec: Obj;
  meta: Obj;
}

export interface CheckOutcome {
  reason: string;
  detail: string;
  fields: PssField[];
}

export type CheckFn = (pod: PodView) => CheckOutcome | undefined;

export interface VersionedCheck {
  /** Minor version (1.N) from which this function applies. */
  min: number;
  fn: CheckFn;
  /** Baseline checks this restricted check replaces at the restricted level. */
  overrides?: PssControl[];
}

export interface CheckDefinition {
  id: PssControl;
  level: PssLevel;
  /** Sorted by `min`, ascending. */
  versions: VersionedCheck[];
}

/** The newest policy version this implementation knows; "latest" means this one. */
export const LATEST_MINOR = 37;

// ---------------------------------------------------------------------------------------------
// helpers

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Present and not null: what a non-nil Go pointer looks like in JSON. */
function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** Go's %q for the strings PSA prints. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Sorted, de-duplicated: what sets.NewString(...).List() gives. */
function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface ContainerVisit {
  c: Obj;
  name: string;
  path: Pointer;
}

/** Init containers, then containers, then ephemeral containers, as PSA visits them. */
const CONTAINER_KEYS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
let lastSpec: Obj | undefined;
let lastLists: unknown[] = [];
let lastVisits: readonly ContainerVisit[] = [];

/**
 * Every container of a pod spec, init containers first. Each control asks in turn about the same
 * pod, so the last answer is kept while the spec's container lists are the same arrays of the
 * same length; the list is read-only.
 */
function containers(spec: Obj): readonly ContainerVisit[] {
  if (spec === lastSpec && sameLists(spec)) return lastVisits;
  const out: ContainerVisit[] = [];
  const lists: unknown[] = [];
  for (const key of CONTAINER_KEYS) {
    const items = spec[key];
    lists.push(items, Array.isArray(items) ? items.length : -1);
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const o = obj(items[i]);
      if (o) out.push({ c: o, name: str(o.name), path: [key, i] });
    }
  }
  lastSpec = spec;
  lastLists = lists;
  lastVisits = out;
  return out;
}

function sameLists(spec: Obj): boolean {
  for (let k = 0; k < CONTAINER_KEYS.length; k++) {
    const items = spec[CONTAINER_KEYS[k]!];
    if (items !== lastLists[2 * k] || (Array.isArray(items) ? items.length : -1) !== lastLists[2 * k + 1]) return false;
  }
  return true;
}

function securityContext(c: Obj): Obj | undefined {
  return obj(c.securityContext);
}

/**
 * True when `ok` holds for every container: the pass-first test some controls make before their
 * full check. Most pods pass; their check then costs one plain loop, and the full check, which
 * builds the fields and messages of a violation, runs (and is compiled by V8's optimising compiler)
 * only for pods that may fail. Each test is the exact negation of what its full check reports, so
 * a pod it lets through is one the full check would let through: the conformance fixtures hold
 * both to PSA's verdicts.
 */
function everyContainer(spec: Obj, ok: (c: Obj) => boolean): boolean {
  const visits = containers(spec);
  for (let i = 0; i < visits.length; i++) if (!ok(visits[i]!.c)) return false;
  return true;
}

function podSecurityContext(spec: Obj): Obj | undefined {
  return obj(spec.securityContext);
}

function isWindows(spec: Obj): boolean {
  return str(obj(spec.os)?.name) === 'windows';
}

/** Points at `keys` under a container, or at the deepest object that exists on the way. */
function containerField(v: ContainerVisit, keys: string[], note: string): PssField {
  const path: (string | number)[] = [...v.path];
  let cur: unknown = v.c;
  for (let i = 0; i < keys.length; i++) {
    const next = obj(cur)?.[keys[i]!];
    if (!present(next)) {
      return { in: 'spec', path, container: v.name, missing: true, note };
    }
    path.push(keys[i]!);
    cur = next;
  }
  return { in: 'spec', path, container: v.name, note };
}

function podField(spec: Obj, keys: string[], note: string): PssField {
  const path: string[] = [];
  let cur: unknown = spec;
  for (const k of keys) {
    const next = obj(cur)?.[k];
    if (!present(next)) return { in: 'spec', path, missing: true, note };
    path.push(k);
    cur = next;
  }
  return { in: 'spec', path, note };
}

function settersPhrase(podBad: boolean, badContainers: string[]): string[] {
  const setters: string[] = [];
  if (podBad) setters.push('pod');
  if (badContainers.length > 0) setters.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  return setters;
}

// ---------------------------------------------------------------------------------------------
// allowPrivilegeEscalation (restricted, 1.8+; Windows pods exempt from 1.25)

function noPrivilegeEscalation(c: Obj): boolean {
  return securityContext(c)?.allowPrivilegeEscalation === false;
}

function allowPrivilegeEscalation_1_8(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, noPrivilegeEscalation) ? undefined : allowPrivilegeEscalationViolation(pod);
}

function allowPrivilegeEscalationViolation({ spec }: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    const ape = securityContext(v.c)?.allowPrivilegeEscalation;
    if (ape === false) continue;
    bad.push(v.name);
    fields.push(containerField(v, ['securityContext', 'allowPrivilegeEscalation'], ape === true ? 'allowPrivilegeEscalation is true' : 'allowPrivilegeEscalation is not set to false'));
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    fields,
  };
}

function allowPrivilegeEscalation_1_25(pod: PodView): CheckOutcome | undefined {
  if (isWindows(pod.spec)) return undefined;
  return allowPrivilegeEscalation_1_8(pod);
}

// ---------------------------------------------------------------------------------------------
// appArmorProfile (baseline, 1.0+): annotations and the securityContext.appArmorProfile fields

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedAppArmorAnnotation(v: string): boolean {
  return v === '' || v === 'runtime/default' || v.startsWith('localhost/');
}

function allowedAppArmorType(t: string): boolean {
  return t === 'RuntimeDefault' || t === 'Localhost';
}

function appArmorProfile_1_0({ spec, meta }: PodView): CheckOutcome | undefined {
  const badValues: string[] = [];
  const fields: PssField[] = [];
  let podBad = false;
  const podProfile = obj(podSecurityContext(spec)?.appArmorProfile);
  if (podProfile && !allowedAppArmorType(str(podProfile.type))) {
    podBad = true;
    badValues.push(str(podProfile.type));
    fields.push(podField(spec, ['securityContext', 'appArmorProfile', 'type'], `pod AppArmor profile type "${str(podProfile.type)}"`));
  }
  const badContainers: string[] = [];
  for (const v of containers(spec)) {
    const profile = obj(securityContext(v.c)?.appArmorProfile);
    if (profile && !allowedAppArmorType(str(profile.type))) {
      badContainers.push(v.name);
      badValues.push(str(profile.type));
      fields.push(containerField(v, ['securityContext', 'appArmorProfile', 'type'], `AppArmor profile type "${str(profile.type)}"`));
    }
  }
  const setters = settersPhrase(podBad, badContainers);
  const annotations = obj(meta.annotations) ?? {};
  const forbiddenAnnotations: string[] = [];
  for (const [k, value] of Object.entries(annotations)) {
    if (!k.startsWith(APPARMOR_ANNOTATION_PREFIX) || typeof value !== 'string') continue;
    if (allowedAppArmorAnnotation(value)) continue;
    forbiddenAnnotations.push(`${k}=${goQuote(value)}`);
    fields.push({ in: 'metadata', path: ['annotations', k], container: k.slice(APPARMOR_ANNOTATION_PREFIX.length), note: `AppArmor annotation "${value}"` });
  }
  const values = sortedSet(badValues);
  if (forbiddenAnnotations.length > 0) {
    forbiddenAnnotations.sort();
    values.push(...forbiddenAnnotations);
    setters.push(pluralize('annotation', 'annotations', forbiddenAnnotations.length));
  }
  if (setters.length === 0) return undefined;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// capabilities_baseline (baseline, 1.0+)

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function addsOnlyBaselineCapabilities(c: Obj): boolean {
  const add = obj(securityContext(c)?.capabilities)?.add;
  if (!Array.isArray(add)) return true;
  for (let j = 0; j < add.length; j++) if (!BASELINE_CAPABILITIES.has(String(add[j]))) return false;
  return true;
}

function capabilitiesBaseline_1_0(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, addsOnlyBaselineCapabilities) ? undefined : capabilitiesBaselineViolation(pod);
}

function capabilitiesBaselineViolation({ spec }: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const caps: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    const capabilities = obj(securityContext(v.c)?.capabilities);
    if (!capabilities) continue;
    let valid = true;
    list(capabilities.add).forEach((cap, j) => {
      const name = String(cap);
      if (BASELINE_CAPABILITIES.has(name)) return;
      valid = false;
      caps.push(name);
      fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'capabilities', 'add', j], container: v.name, note: `adds capability ${name}` });
    });
    if (!valid) bad.push(v.name);
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// capabilities_restricted (restricted, 1.22+; Windows pods exempt from 1.25)

function dropsAllAddsOnlyBindService(c: Obj): boolean {
  const capabilities = obj(securityContext(c)?.capabilities);
  if (!capabilities) return false;
  const drop = capabilities.drop;
  if (!Array.isArray(drop) || !drop.includes('ALL')) return false;
  const add = capabilities.add;
  if (!Array.isArray(add)) return true;
  for (let j = 0; j < add.length; j++) if (String(add[j]) !== 'NET_BIND_SERVICE') return false;
  return true;
}

function capabilitiesRestricted_1_22(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, dropsAllAddsOnlyBindService) ? undefined : capabilitiesRestrictedViolation(pod);
}

function capabilitiesRestrictedViolation({ spec }: PodView): CheckOutcome | undefined {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    const capabilities = obj(securityContext(v.c)?.capabilities);
    if (!capabilities) {
      missingDropAll.push(v.name);
      fields.push(containerField(v, ['securityContext', 'capabilities', 'drop'], 'capabilities.drop does not include ALL'));
      continue;
    }
    if (!list(capabilities.drop).some((c) => c === 'ALL')) {
      missingDropAll.push(v.name);
      fields.push(containerField(v, ['securityContext', 'capabilities', 'drop'], 'capabilities.drop does not include ALL'));
    }
    let addedForbidden = false;
    list(capabilities.add).forEach((cap, j) => {
      const name = String(cap);
      if (name === 'NET_BIND_SERVICE') return;
      addedForbidden = true;
      forbidden.push(name);
      fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'capabilities', 'add', j], container: v.name, note: `adds capability ${name}` });
    });
    if (addedForbidden) addingForbidden.push(v.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(`${pluralize('container', 'containers', missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${pluralize('container', 'containers', addingForbidden.length)} ${joinQuote(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`,
    );
  }
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), fields };
}

function capabilitiesRestricted_1_25(pod: PodView): CheckOutcome | undefined {
  if (isWindows(pod.spec)) return undefined;
  return capabilitiesRestricted_1_22(pod);
}

// ---------------------------------------------------------------------------------------------
// hostNamespaces (baseline, 1.0+)

function hostNamespaces_1_0({ spec }: PodView): CheckOutcome | undefined {
  const names: string[] = [];
  const fields: PssField[] = [];
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[key] === true) {
      names.push(`${key}=true`);
      fields.push({ in: 'spec', path: [key], note: `${key} is true` });
    }
  }
  if (names.length === 0) return undefined;
  return { reason: 'host namespaces', detail: names.join(', '), fields };
}

// ---------------------------------------------------------------------------------------------
// hostPathVolumes (baseline, 1.0+)

function hostPathVolumes_1_0({ spec }: PodView): CheckOutcome | undefined {
  const names: string[] = [];
  const fields: PssField[] = [];
  list(spec.volumes).forEach((vol, i) => {
    const v = obj(vol);
    if (!v || !present(v.hostPath)) return;
    names.push(str(v.name));
    fields.push({ in: 'spec', path: ['volumes', i, 'hostPath'], note: `volume "${str(v.name)}" is a hostPath volume` });
  });
  if (names.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`, fields };
}

// ---------------------------------------------------------------------------------------------
// hostPorts (baseline, 1.0+)

function noHostPort(c: Obj): boolean {
  const ports = c.ports;
  if (!Array.isArray(ports)) return true;
  for (let j = 0; j < ports.length; j++) {
    const hostPort = obj(ports[j])?.hostPort;
    if (typeof hostPort === 'number' && hostPort !== 0) return false;
  }
  return true;
}

function hostPorts_1_0(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, noHostPort) ? undefined : hostPortsViolation(pod);
}

function hostPortsViolation({ spec }: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const ports: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    let valid = true;
    list(v.c.ports).forEach((p, j) => {
      const hostPort = obj(p)?.hostPort;
      if (typeof hostPort !== 'number' || hostPort === 0) return;
      valid = false;
      ports.push(String(Math.trunc(hostPort)));
      fields.push({ in: 'spec', path: [...v.path, 'ports', j, 'hostPort'], container: v.name, note: `hostPort ${hostPort}` });
    });
    if (!valid) bad.push(v.name);
  }
  if (bad.length === 0) return undefined;
  const unique = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', unique.length)} ${unique.join(', ')}`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// hostProbesAndHostLifecycle (baseline, 1.34+)

/** A probe or lifecycle handler that names a host for httpGet or tcpSocket. */
function handlerNamesHost(handler: unknown): boolean {
  const h = obj(handler);
  if (!h) return false;
  const http = obj(h.httpGet)?.host;
  if (typeof http === 'string' && http !== '') return true;
  const tcp = obj(h.tcpSocket)?.host;
  return typeof tcp === 'string' && tcp !== '';
}

function noProbeOrLifecycleHost(c: Obj): boolean {
  if (handlerNamesHost(c.livenessProbe) || handlerNamesHost(c.readinessProbe) || handlerNamesHost(c.startupProbe)) return false;
  const lifecycle = obj(c.lifecycle);
  return !lifecycle || (!handlerNamesHost(lifecycle.postStart) && !handlerNamesHost(lifecycle.preStop));
}

function hostProbesAndHostLifecycle_1_34(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, noProbeOrLifecycleHost) ? undefined : hostProbesAndHostLifecycleViolation(pod);
}

function hostProbesAndHostLifecycleViolation({ spec }: PodView): CheckOutcome | undefined {
  const bad = new Set<string>();
  const hosts: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    const handlers: [string[], unknown][] = [
      [['livenessProbe'], v.c.livenessProbe],
      [['readinessProbe'], v.c.readinessProbe],
      [['startupProbe'], v.c.startupProbe],
      [['lifecycle', 'postStart'], obj(v.c.lifecycle)?.postStart],
      [['lifecycle', 'preStop'], obj(v.c.lifecycle)?.preStop],
    ];
    for (const [keys, handler] of handlers) {
      const h = obj(handler);
      if (!h) continue;
      for (const kind of ['httpGet', 'tcpSocket'] as const) {
        const host = obj(h[kind])?.host;
        if (typeof host !== 'string' || host === '') continue;
        bad.add(v.name);
        hosts.push(host);
        fields.push({ in: 'spec', path: [...v.path, ...keys, kind, 'host'], container: v.name, note: `${keys.join('.')}.${kind}.host is "${host}"` });
      }
    }
  }
  if (bad.size === 0) return undefined;
  const names = sortedSet(bad);
  const unique = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', unique.length)} ${joinQuote(unique)}`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// privileged (baseline, 1.0+)

function notPrivileged(c: Obj): boolean {
  return securityContext(c)?.privileged !== true;
}

function privileged_1_0(pod: PodView): CheckOutcome | undefined {
  return everyContainer(pod.spec, notPrivileged) ? undefined : privilegedViolation(pod);
}

function privilegedViolation({ spec }: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    if (securityContext(v.c)?.privileged !== true) continue;
    bad.push(v.name);
    fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'privileged'], container: v.name, note: 'privileged is true' });
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'privileged',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// procMount (baseline, 1.0+; user-namespace pods allowed from 1.35) and procMount_restricted (1.35+)

function procMount_strict({ spec }: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const types: string[] = [];
  const fields: PssField[] = [];
  for (const v of containers(spec)) {
    const pm = securityContext(v.c)?.procMount;
    if (!present(pm) || pm === 'Default') continue;
    bad.push(v.name);
    types.push(String(pm));
    fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'procMount'], container: v.name, note: `procMount is ${String(pm)}` });
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'procMount',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
    fields,
  };
}

function procMount_1_35_baseline(pod: PodView): CheckOutcome | undefined {
  if (inUserNamespace(pod.spec)) return undefined;
  return procMount_strict(pod);
}

// ---------------------------------------------------------------------------------------------
// restrictedVolumes (restricted, 1.0+)

// `image` joined the allowed sources in Kubernetes 1.33, inside the 1.0 function: every policy version allows it.
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

function restrictedVolumes_1_0({ spec }: PodView): CheckOutcome | undefined {
  const names: string[] = [];
  const types: string[] = [];
  const fields: PssField[] = [];
  list(spec.volumes).forEach((vol, i) => {
    const v = obj(vol);
    if (!v) return;
    if (ALLOWED_VOLUME_SOURCES.some((k) => present(v[k]))) return;
    // The API server defaults a volume without any source to emptyDir before admission sees it.
    const type = RESTRICTED_VOLUME_SOURCES.find((k) => present(v[k]));
    if (!type) return;
    names.push(str(v.name));
    types.push(type);
    fields.push({ in: 'spec', path: ['volumes', i, type], note: `volume "${str(v.name)}" uses the ${type} volume type` });
  });
  if (names.length === 0) return undefined;
  const unique = sortedSet(types);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', unique.length)} ${joinQuote(unique)}`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// runAsNonRoot (restricted, 1.0+; user-namespace pods exempt from 1.35)

/** `hostUsers: false`: the pod runs in its own user namespace. */
function inUserNamespace(spec: Obj): boolean {
  return spec.hostUsers === false;
}

function runAsNonRootNotFalse(c: Obj): boolean {
  return securityContext(c)?.runAsNonRoot !== false;
}

function runAsNonRootTrue(c: Obj): boolean {
  return securityContext(c)?.runAsNonRoot === true;
}

function runAsNonRoot_1_0(pod: PodView): CheckOutcome | undefined {
  // With the pod's runAsNonRoot true, a container need only not set false; with it unset (or not a
  // boolean), each container must set true; with it false, the pod fails.
  const podValue = podSecurityContext(pod.spec)?.runAsNonRoot;
  const passes = podValue === true ? everyContainer(pod.spec, runAsNonRootNotFalse) : podValue !== false && everyContainer(pod.spec, runAsNonRootTrue);
  return passes ? undefined : runAsNonRootViolation(pod);
}

function runAsNonRootViolation({ spec }: PodView): CheckOutcome | undefined {
  const fields: PssField[] = [];
  let podBad = false;
  let podNonRoot = false;
  const podValue = podSecurityContext(spec)?.runAsNonRoot;
  if (typeof podValue === 'boolean') {
    if (podValue) podNonRoot = true;
    else {
      podBad = true;
      fields.push({ in: 'spec', path: ['securityContext', 'runAsNonRoot'], note: 'pod sets runAsNonRoot to false' });
    }
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFields: PssField[] = [];
  for (const v of containers(spec)) {
    const value = securityContext(v.c)?.runAsNonRoot;
    if (typeof value === 'boolean') {
      if (!value) {
        explicit.push(v.name);
        fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'runAsNonRoot'], container: v.name, note: 'runAsNonRoot is false' });
      }
    } else if (!podNonRoot) {
      implicit.push(v.name);
      implicitFields.push(containerField(v, ['securityContext', 'runAsNonRoot'], 'runAsNonRoot is not set to true here or on the pod'));
    }
  }
  const setters = settersPhrase(podBad, explicit);
  if (setters.length > 0) {
    return { reason: 'runAsNonRoot != true', detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, fields };
  }
  if (implicit.length > 0) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`,
      fields: implicitFields,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
function runAsNonRoot_1_35(pod: PodView): CheckOutcome | undefined {
  if (inUserNamespace(pod.spec)) return undefined;
  return runAsNonRoot_1_0(pod);
}

// ---------------------------------------------------------------------------------------------
// runAsUser (restricted, 1.23+; user-namespace pods exempt from 1.35)

function runAsUserNotZero(c: Obj): boolean {
  return securityContext(c)?.runAsUser !== 0;
}

function runAsUser_1_23(pod: PodView): CheckOutcome | undefined {
  const passes = podSecurityContext(pod.spec)?.runAsUser !== 0 && everyContainer(pod.spec, runAsUserNotZero);
  return passes ? undefined : runAsUserViolation(pod);
}

function runAsUserViolation({ spec }: PodView): CheckOutcome | undefined {
  const fields: PssField[] = [];
  const podBad = podSecurityContext(spec)?.runAsUser === 0;
  if (podBad) fields.push({ in: 'spec', path: ['securityContext', 'runAsUser'], note: 'pod sets runAsUser to 0' });
  const bad: string[] = [];
  for (const v of containers(spec)) {
    if (securityContext(v.c)?.runAsUser !== 0) continue;
    bad.push(v.name);
    fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'runAsUser'], container: v.name, note: 'runAsUser is 0' });
  }
  const setters = settersPhrase(podBad, bad);
  if (setters.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, fields };
}

// ---------------------------------------------------------------------------------------------
function runAsUser_1_35(pod: PodView): CheckOutcome | undefined {
  if (inUserNamespace(pod.spec)) return undefined;
  return runAsUser_1_23(pod);
}

// ---------------------------------------------------------------------------------------------
// seLinuxOptions (baseline, 1.0+; container_engine_t allowed from 1.31)

function seLinuxOptions(allowedTypes: ReadonlySet<string>) {
  return ({ spec }: PodView): CheckOutcome | undefined => {
    const badTypes: string[] = [];
    let setUser = false;
    let setRole = false;
    const fields: PssField[] = [];
    const judge = (opts: Obj, base: Pointer, container?: string): boolean => {
      let valid = true;
      const type = str(opts.type);
      const at = (k: string, note: string): PssField => ({ in: 'spec', path: [...base, k], note, ...(container !== undefined ? { container } : {}) });
      if (!allowedTypes.has(type)) {
        valid = false;
        badTypes.push(type);
        fields.push(at('type', `SELinux type "${type}"`));
      }
      if (str(opts.user).length > 0) {
        valid = false;
        setUser = true;
        fields.push(at('user', 'sets an SELinux user'));
      }
      if (str(opts.role).length > 0) {
        valid = false;
        setRole = true;
        fields.push(at('role', 'sets an SELinux role'));
      }
      return valid;
    };
    let podBad = false;
    const podOpts = obj(podSecurityContext(spec)?.seLinuxOptions);
    if (podOpts && !judge(podOpts, ['securityContext', 'seLinuxOptions'])) podBad = true;
    const bad: string[] = [];
    for (const v of containers(spec)) {
      const opts = obj(securityContext(v.c)?.seLinuxOptions);
      if (opts && !judge(opts, [...v.path, 'securityContext', 'seLinuxOptions'], v.name)) bad.push(v.name);
    }
    const setters = settersPhrase(podBad, bad);
    if (setters.length === 0) return undefined;
    const data: string[] = [];
    const types = sortedSet(badTypes);
    if (types.length > 0) data.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    if (setUser) data.push('user may not be set');
    if (setRole) data.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
      fields,
    };
  };
}

const SELINUX_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, 'container_engine_t']);

// ---------------------------------------------------------------------------------------------
// seccompProfile_baseline (baseline: annotations 1.0-1.18, fields 1.19+)

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function validSeccompAnnotation(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

function validSeccompType(t: string): boolean {
  return t === 'Localhost' || t === 'RuntimeDefault';
}

function seccompProfileBaseline_1_0({ spec, meta }: PodView): CheckOutcome | undefined {
  const annotations = obj(meta.annotations) ?? {};
  const forbidden = new Set<string>();
  const fields: PssField[] = [];
  const podValue = annotations[SECCOMP_POD_ANNOTATION];
  if (typeof podValue === 'string' && !validSeccompAnnotation(podValue)) {
    forbidden.add(`${SECCOMP_POD_ANNOTATION}=${goQuote(podValue)}`);
    fields.push({ in: 'metadata', path: ['annotations', SECCOMP_POD_ANNOTATION], note: `seccomp annotation "${podValue}"` });
  }
  for (const v of containers(spec)) {
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + v.name;
    const value = annotations[key];
    if (typeof value === 'string' && !validSeccompAnnotation(value)) {
      const entry = `${key}=${goQuote(value)}`;
      if (!forbidden.has(entry)) fields.push({ in: 'metadata', path: ['annotations', key], container: v.name, note: `seccomp annotation "${value}"` });
      forbidden.add(entry);
    }
  }
  if (forbidden.size === 0) return undefined;
  const entries = sortedSet(forbidden);
  return { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', entries.length)} ${entries.join(', ')}`, fields };
}

/** No seccomp profile, or one of an allowed type. */
function seccompUnsetOrValid(profile: unknown): boolean {
  const p = obj(profile);
  return !p || validSeccompType(str(p.type));
}

function containerSeccompUnsetOrValid(c: Obj): boolean {
  return seccompUnsetOrValid(securityContext(c)?.seccompProfile);
}

function seccompProfileBaseline_1_19(pod: PodView): CheckOutcome | undefined {
  const passes = seccompUnsetOrValid(podSecurityContext(pod.spec)?.seccompProfile) && everyContainer(pod.spec, containerSeccompUnsetOrValid);
  return passes ? undefined : seccompProfileBaselineViolation(pod);
}

function seccompProfileBaselineViolation({ spec }: PodView): CheckOutcome | undefined {
  const badValues: string[] = [];
  const fields: PssField[] = [];
  let podBad = false;
  const podProfile = obj(podSecurityContext(spec)?.seccompProfile);
  if (podProfile && !validSeccompType(str(podProfile.type))) {
    podBad = true;
    badValues.push(str(podProfile.type));
    fields.push(podField(spec, ['securityContext', 'seccompProfile', 'type'], `pod seccomp profile type "${str(podProfile.type)}"`));
  }
  const bad: string[] = [];
  for (const v of containers(spec)) {
    const profile = obj(securityContext(v.c)?.seccompProfile);
    if (profile && !validSeccompType(str(profile.type))) {
      bad.push(v.name);
      badValues.push(str(profile.type));
      fields.push(containerField(v, ['securityContext', 'seccompProfile', 'type'], `seccomp profile type "${str(profile.type)}"`));
    }
  }
  const setters = settersPhrase(podBad, bad);
  if (setters.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    fields,
  };
}

// ---------------------------------------------------------------------------------------------
// seccompProfile_restricted (restricted, 1.19+; Windows pods exempt from 1.25)

function containerSeccompValid(c: Obj): boolean {
  const p = obj(securityContext(c)?.seccompProfile);
  return p !== undefined && validSeccompType(str(p.type));
}

function seccompProfileRestricted_1_19(pod: PodView): CheckOutcome | undefined {
  // The pod's profile, when set, must be valid; then each container's own, when set, must be, and
  // a container without one needs the pod's.
  const podProfile = obj(podSecurityContext(pod.spec)?.seccompProfile);
  const passes = podProfile ? validSeccompType(str(podProfile.type)) && everyContainer(pod.spec, containerSeccompUnsetOrValid) : everyContainer(pod.spec, containerSeccompValid);
  return passes ? undefined : seccompProfileRestrictedViolation(pod);
}

function seccompProfileRestrictedViolation({ spec }: PodView): CheckOutcome | undefined {
  const badValues: string[] = [];
  const fields: PssField[] = [];
  let podBad = false;
  let podSet = false;
  const podProfile = obj(podSecurityContext(spec)?.seccompProfile);
  if (podProfile) {
    if (!validSeccompType(str(podProfile.type))) {
      podBad = true;
      badValues.push(str(podProfile.type));
      fields.push(podField(spec, ['securityContext', 'seccompProfile', 'type'], `pod seccomp profile type "${str(podProfile.type)}"`));
    } else podSet = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFields: PssField[] = [];
  for (const v of containers(spec)) {
    const profile = obj(securityContext(v.c)?.seccompProfile);
    if (profile) {
      if (!validSeccompType(str(profile.type))) {
        explicit.push(v.name);
        badValues.push(str(profile.type));
        fields.push(containerField(v, ['securityContext', 'seccompProfile', 'type'], `seccomp profile type "${str(profile.type)}"`));
      }
    } else if (!podSet) {
      implicit.push(v.name);
      implicitFields.push(containerField(v, ['securityContext', 'seccompProfile'], 'no seccomp profile here or on the pod'));
    }
  }
  const setters = settersPhrase(podBad, explicit);
  if (setters.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
      fields,
    };
  }
  if (implicit.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      fields: implicitFields,
    };
  }
  return undefined;
}

function seccompProfileRestricted_1_25(pod: PodView): CheckOutcome | undefined {
  if (isWindows(pod.spec)) return undefined;
  return seccompProfileRestricted_1_19(pod);
}

// ---------------------------------------------------------------------------------------------
// sysctls (baseline; the safe set grows in 1.27, 1.29, 1.32 and 1.37)

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SYSCTLS_1_37 = [...SYSCTLS_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

/** The sysctls each policy version allows, exported for documentation and tests. */
export const SAFE_SYSCTLS: ReadonlyArray<{ min: number; names: readonly string[] }> = [
  { min: 0, names: SYSCTLS_1_0 },
  { min: 27, names: SYSCTLS_1_27 },
  { min: 29, names: SYSCTLS_1_29 },
  { min: 32, names: SYSCTLS_1_32 },
  { min: 37, names: SYSCTLS_1_37 },
];

function sysctls(allowed: readonly string[]) {
  const set = new Set(allowed);
  return ({ spec }: PodView): CheckOutcome | undefined => {
    const forbidden: string[] = [];
    const fields: PssField[] = [];
    list(podSecurityContext(spec)?.sysctls).forEach((s, i) => {
      const name = str(obj(s)?.name);
      if (set.has(name)) return;
      forbidden.push(name);
      fields.push({ in: 'spec', path: ['securityContext', 'sysctls', i, 'name'], note: `sysctl ${name}` });
    });
    if (forbidden.length === 0) return undefined;
    return { reason: 'forbidden sysctls', detail: forbidden.join(', '), fields };
  };
}

// ---------------------------------------------------------------------------------------------
// windowsHostProcess (baseline, 1.0+)

function windowsHostProcess_1_0({ spec }: PodView): CheckOutcome | undefined {
  const fields: PssField[] = [];
  const bad: string[] = [];
  for (const v of containers(spec)) {
    if (obj(securityContext(v.c)?.windowsOptions)?.hostProcess !== true) continue;
    bad.push(v.name);
    fields.push({ in: 'spec', path: [...v.path, 'securityContext', 'windowsOptions', 'hostProcess'], container: v.name, note: 'hostProcess is true' });
  }
  const podBad = obj(podSecurityContext(spec)?.windowsOptions)?.hostProcess === true;
  if (podBad) fields.unshift({ in: 'spec', path: ['securityContext', 'windowsOptions', 'hostProcess'], note: 'pod sets hostProcess to true' });
  const setters = settersPhrase(podBad, bad);
  if (setters.length === 0) return undefined;
  return { reason: 'hostProcess', detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, fields };
}

// ---------------------------------------------------------------------------------------------
// every control at once, for the common pod that passes them all

const ALLOWED_VOLUME_SOURCE_SET = new Set(ALLOWED_VOLUME_SOURCES);

/** A volume some allowed source defines and that is no hostPath: passes hostPathVolumes and restrictedVolumes. */
function plainVolume(vol: unknown): boolean {
  const v = obj(vol);
  if (!v || present(v.hostPath)) return false;
  for (const k in v) if (ALLOWED_VOLUME_SOURCE_SET.has(k) && present(v[k])) return true;
  return false;
}

/** A container that passes every container-level control of the restricted level, given the pod's settings. */
function restrictedContainer(c: Obj, podNonRoot: boolean, podSeccomp: boolean): boolean {
  const sc = securityContext(c);
  if (!sc || sc.allowPrivilegeEscalation !== false || sc.privileged === true) return false;
  if (present(sc.seLinuxOptions) || present(sc.appArmorProfile) || present(sc.windowsOptions)) return false;
  if (present(sc.procMount) && sc.procMount !== 'Default') return false;
  if (sc.runAsUser === 0 || sc.runAsNonRoot === false || (sc.runAsNonRoot !== true && !podNonRoot)) return false;
  const seccomp = sc.seccompProfile;
  if (present(seccomp) ? !obj(seccomp) || !validSeccompType(str((seccomp as Obj).type)) : !podSeccomp) return false;
  if (!dropsAllAddsOnlyBindService(c)) return false;
  return noHostPort(c) && noProbeOrLifecycleHost(c);
}

/**
 * True only when the pod passes every control, baseline and restricted, at the newest policy
 * version: one pass over the pod where the per-control checks make twenty. It is deliberately
 * narrower than those checks: any setting a control treats specially (Windows pods, user
 * namespaces, AppArmor, SELinux, sysctls, procMount, unusual volumes or containers) makes it
 * answer false, and the per-control checks decide. Only its true answers are used, to skip them.
 */
export function passesEveryControlAtLatest(spec: Obj, meta: Obj): boolean {
  if (spec.hostNetwork === true || spec.hostPID === true || spec.hostIPC === true) return false;
  if (present(spec.hostUsers) || present(spec.os)) return false;
  const annotations = obj(meta.annotations);
  if (annotations) for (const k in annotations) if (k.startsWith(APPARMOR_ANNOTATION_PREFIX)) return false;
  const psc = podSecurityContext(spec);
  let podNonRoot = false;
  let podSeccomp = false;
  if (psc) {
    if (present(psc.appArmorProfile) || present(psc.seLinuxOptions) || present(psc.windowsOptions) || present(psc.sysctls)) return false;
    if (psc.runAsUser === 0 || psc.runAsNonRoot === false) return false;
    podNonRoot = psc.runAsNonRoot === true;
    const seccomp = psc.seccompProfile;
    if (present(seccomp)) {
      if (!obj(seccomp) || !validSeccompType(str((seccomp as Obj).type))) return false;
      podSeccomp = true;
    }
  }
  const volumes = spec.volumes;
  if (present(volumes)) {
    if (!Array.isArray(volumes)) return false;
    for (let i = 0; i < volumes.length; i++) if (!plainVolume(volumes[i])) return false;
  }
  let count = 0;
  for (let k = 0; k < CONTAINER_KEYS.length; k++) {
    const items = spec[CONTAINER_KEYS[k]!];
    if (!present(items)) continue;
    if (!Array.isArray(items)) return false;
    for (let i = 0; i < items.length; i++) {
      const c = obj(items[i]);
      if (!c || !restrictedContainer(c, podNonRoot, podSeccomp)) return false;
      count++;
    }
  }
  return count > 0;
}

// ---------------------------------------------------------------------------------------------
// the registry, in the order PSA registers its checks

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { min: 8, fn: allowPrivilegeEscalation_1_8 },
      { min: 25, fn: allowPrivilegeEscalation_1_25 },
    ],
  },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ min: 0, fn: appArmorProfile_1_0 }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ min: 0, fn: capabilitiesBaseline_1_0 }] },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { min: 22, fn: capabilitiesRestricted_1_22, overrides: ['capabilities_baseline'] },
      { min: 25, fn: capabilitiesRestricted_1_25, overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ min: 0, fn: hostNamespaces_1_0 }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ min: 0, fn: hostPathVolumes_1_0 }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ min: 0, fn: hostPorts_1_0 }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ min: 34, fn: hostProbesAndHostLifecycle_1_34 }] },
  { id: 'privileged', level: 'baseline', versions: [{ min: 0, fn: privileged_1_0 }] },
  {
    id: 'procMount',
    level: 'baseline',
    versions: [
      { min: 0, fn: procMount_strict },
      { min: 35, fn: procMount_1_35_baseline },
    ],
  },
  { id: 'procMount_restricted', level: 'restricted', versions: [{ min: 35, fn: procMount_strict, overrides: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ min: 0, fn: restrictedVolumes_1_0, overrides: ['hostPathVolumes'] }] },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    versions: [
      { min: 0, fn: runAsNonRoot_1_0 },
      { min: 35, fn: runAsNonRoot_1_35 },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    versions: [
      { min: 23, fn: runAsUser_1_23 },
      { min: 35, fn: runAsUser_1_35 },
    ],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { min: 0, fn: seLinuxOptions(SELINUX_TYPES_1_0) },
      { min: 31, fn: seLinuxOptions(SELINUX_TYPES_1_31) },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { min: 0, fn: seccompProfileBaseline_1_0 },
      { min: 19, fn: seccompProfileBaseline_1_19 },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { min: 19, fn: seccompProfileRestricted_1_19, overrides: ['seccompProfile_baseline'] },
      { min: 25, fn: seccompProfileRestricted_1_25, overrides: ['seccompProfile_baseline'] },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: SAFE_SYSCTLS.map(({ min, names }) => ({ min, fn: sysctls(names) })),
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ min: 0, fn: windowsHostProcess_1_0 }] },
];
