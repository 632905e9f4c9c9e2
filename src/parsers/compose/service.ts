import { interpolate } from './interpolate.js';

export type Pointer = ReadonlyArray<string | number>;

/** One value of a Compose file with the place it was written. */
export interface Value {
  /** As written in the YAML (after anchors and merge keys). */
  raw: unknown;
  /**
   * The scalar as text after interpolation with no variable set (defaults applied); undefined when
   * the value is not a scalar or a variable without a default decides it.
   */
  text: string | undefined;
  /** True when the raw text refers to a variable. */
  interpolated: boolean;
  /** Path from the YAML document root. */
  pointer: Pointer;
}

export interface PortMapping {
  pointer: Pointer;
  /** The mapping as written, for messages. */
  display: string;
  /** Host address; undefined when none is given (all interfaces). */
  hostIp?: string;
  /** Host port or range; undefined when Compose picks a random one. */
  published?: string;
  target?: string;
  protocol: string;
  /** False when a variable without a default decides part of the mapping. */
  resolved: boolean;
}

export interface VolumeMount {
  pointer: Pointer;
  display: string;
  /** bind, volume, tmpfs, npipe, image, cluster. */
  type: string;
  /** Host path (bind) or volume name, after interpolation. */
  source?: string;
  target?: string;
  readOnly: boolean;
  resolved: boolean;
}

export interface EnvVar {
  name: string;
  /** The value as written; undefined when the variable takes its value from the shell (`- NAME` or `NAME:`). */
  value: string | undefined;
  /** The value after interpolation with no variable set. */
  evaluated: string | undefined;
  interpolated: boolean;
  pointer: Pointer;
}

export interface DeviceMapping {
  pointer: Pointer;
  display: string;
  source?: string;
  target?: string;
  resolved: boolean;
}

export interface ResourceLimits {
  memory?: Value;
  cpus?: Value;
  pids?: Value;
}

/** A Compose service normalised per the Compose specification, with `extends` applied. */
export interface ComposeService {
  name: string;
  /** ['services', name] */
  pointer: Pointer;
  /** Top-level attributes of the service, each from the service itself or from what it extends. */
  fields: ReadonlyMap<string, Value>;
  field(name: string): Value | undefined;
  /** A boolean attribute (`privileged`, `read_only`, …); strings such as "true" count. */
  flag(name: string): { value: boolean | undefined; at: Value } | undefined;
  image?: Value;
  build?: Value;
  capAdd: Value[];
  capDrop: Value[];
  securityOpt: Value[];
  ports: PortMapping[];
  volumes: VolumeMount[];
  environment: EnvVar[];
  /** `build.args`, in the same shapes as environment. */
  buildArgs: EnvVar[];
  devices: DeviceMapping[];
  secrets: Value[];
  limits: ResourceLimits;
  /** Set when the service extends a service of another file, which is not read. */
  extendsFile?: string;
  /**
   * True when the service has neither image nor build (nor extends): it only completes a service
   * defined in another file (an override file), so missing attributes say nothing.
   */
  partial: boolean;
}

interface Parts {
  fields: Map<string, Value>;
  capAdd: Value[];
  capDrop: Value[];
  securityOpt: Value[];
  ports: PortMapping[];
  volumes: VolumeMount[];
  environment: EnvVar[];
  buildArgs: EnvVar[];
  devices: DeviceMapping[];
  secrets: Value[];
  limits: ResourceLimits;
  extendsFile?: string;
}

const MAX_EXTENDS_DEPTH = 16;

export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function valueOf(raw: unknown, pointer: Pointer): Value {
  if (typeof raw === 'string') {
    const r = interpolate(raw);
    return { raw, text: r.resolved ? r.value : undefined, interpolated: r.interpolated, pointer };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') {
    return { raw, text: String(raw), interpolated: false, pointer };
  }
  return { raw, text: undefined, interpolated: false, pointer };
}

/** Normalises every service of a Compose file's `services` mapping. */
export function normaliseServices(services: Record<string, unknown>): ComposeService[] {
  const cache = new Map<string, Parts>();
  const out: ComposeService[] = [];
  for (const name of Object.keys(services)) {
    const raw = services[name];
    if (raw !== null && raw !== undefined && !isMapping(raw)) continue;
    const parts = resolveParts(services, name, cache, new Set());
    out.push(toService(name, parts));
  }
  return out;
}

/**
 * Applies YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) that the YAML layer left as plain keys:
 * explicit keys win, then earlier sources. Returns the input itself when it has none.
 */
export function applyMergeKeys(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const merged = applyMergeKeys(item, depth + 1);
      if (merged !== item) (out ??= [...value])[i] = merged;
    });
    return out ?? value;
  }
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    if (key === '<<') continue;
    const merged = applyMergeKeys(obj[key], depth + 1);
    if (merged !== obj[key]) (out ??= { ...obj })[key] = merged;
  }
  if (!('<<' in obj)) return out ?? value;
  const result: Record<string, unknown> = {};
  const base = out ?? obj;
  for (const key of Object.keys(base)) if (key !== '<<') result[key] = base[key];
  const sources = Array.isArray(obj['<<']) ? obj['<<'] : [obj['<<']];
  for (const src of sources) {
    const merged = applyMergeKeys(src, depth + 1);
    if (!isMapping(merged)) continue;
    for (const key of Object.keys(merged)) if (!(key in result)) result[key] = merged[key];
  }
  return result;
}

function resolveParts(services: Record<string, unknown>, name: string, cache: Map<string, Parts>, visiting: Set<string>): Parts {
  const cached = cache.get(name);
  if (cached) return cached;
  const raw = applyMergeKeys(services[name]);
  const pointer: Pointer = ['services', name];
  const own = ownParts(isMapping(raw) ? raw : {}, pointer);
  let parts = own;
  const ext = isMapping(raw) ? raw.extends : undefined;
  if (ext !== undefined && visiting.size < MAX_EXTENDS_DEPTH) {
    const base = typeof ext === 'string' ? { service: ext } : isMapping(ext) ? ext : {};
    const baseName = typeof base.service === 'string' ? base.service : undefined;
    if (typeof base.file === 'string' && base.file !== '') {
      own.extendsFile = base.file;
    } else if (baseName !== undefined && baseName !== name && !visiting.has(baseName) && isMapping(services[baseName])) {
      visiting.add(name);
      parts = mergeParts(resolveParts(services, baseName, cache, visiting), own);
      visiting.delete(name);
    }
  }
  cache.set(name, parts);
  return parts;
}

function toService(name: string, p: Parts): ComposeService {
  const fields = p.fields;
  const field = (n: string) => fields.get(n);
  const service: ComposeService = {
    name,
    pointer: ['services', name],
    fields,
    field,
    flag(n) {
      const at = fields.get(n);
      if (!at) return undefined;
      return { value: toBoolean(at), at };
    },
    capAdd: p.capAdd,
    capDrop: p.capDrop,
    securityOpt: p.securityOpt,
    ports: p.ports,
    volumes: p.volumes,
    environment: p.environment,
    buildArgs: p.buildArgs,
    devices: p.devices,
    secrets: p.secrets,
    limits: p.limits,
    partial: !fields.has('image') && !fields.has('build') && !fields.has('extends') && p.extendsFile === undefined,
  };
  const image = field('image');
  if (image) service.image = image;
  const build = field('build');
  if (build) service.build = build;
  if (p.extendsFile !== undefined) service.extendsFile = p.extendsFile;
  return service;
}

function toBoolean(v: Value): boolean | undefined {
  if (typeof v.raw === 'boolean') return v.raw;
  const t = v.text?.trim().toLowerCase();
  if (t === 'true' || t === 'yes' || t === 'on' || t === '1') return true;
  if (t === 'false' || t === 'no' || t === 'off' || t === '0' || t === '') return false;
  return undefined;
}

/** What a service writes itself. */
function ownParts(raw: Record<string, unknown>, base: Pointer): Parts {
  const fields = new Map<string, Value>();
  for (const key of Object.keys(raw)) fields.set(key, valueOf(raw[key], [...base, key]));
  const list = (key: string): Value[] => {
    const v = raw[key];
    if (Array.isArray(v)) return v.map((item, i) => valueOf(item, [...base, key, i]));
    if (typeof v === 'string') return [valueOf(v, [...base, key])];
    return [];
  };
  const parts: Parts = {
    fields,
    capAdd: list('cap_add'),
    capDrop: list('cap_drop'),
    securityOpt: list('security_opt'),
    ports: portsOf(raw.ports, [...base, 'ports']),
    volumes: volumesOf(raw.volumes, [...base, 'volumes']),
    environment: environmentOf(raw.environment, [...base, 'environment']),
    buildArgs: isMapping(raw.build) ? environmentOf(raw.build.args, [...base, 'build', 'args']) : [],
    devices: devicesOf(raw.devices, [...base, 'devices']),
    secrets: list('secrets'),
    limits: limitsOf(raw, base),
  };
  return parts;
}

/** Compose's merge of `extends`: the service's own values win; sequences add up; volumes merge by target, environment by name. */
function mergeParts(base: Parts, own: Parts): Parts {
  const fields = new Map(base.fields);
  for (const [k, v] of own.fields) fields.set(k, v);
  fields.delete('extends');
  const byKey = <T>(a: T[], b: T[], key: (x: T) => string | undefined): T[] => {
    const keys = new Set(b.map(key).filter((k) => k !== undefined));
    return [...a.filter((x) => {
      const k = key(x);
      return k === undefined || !keys.has(k);
    }), ...b];
  };
  const merged: Parts = {
    fields,
    capAdd: [...base.capAdd, ...own.capAdd],
    capDrop: [...base.capDrop, ...own.capDrop],
    securityOpt: [...base.securityOpt, ...own.securityOpt],
    ports: [...base.ports, ...own.ports],
    volumes: byKey(base.volumes, own.volumes, (v) => v.target),
    environment: byKey(base.environment, own.environment, (e) => e.name),
    buildArgs: byKey(base.buildArgs, own.buildArgs, (e) => e.name),
    devices: [...base.devices, ...own.devices],
    secrets: [...base.secrets, ...own.secrets],
    limits: {
      ...pick(base.limits),
      ...pick(own.limits),
    },
  };
  const extendsFile = own.extendsFile ?? base.extendsFile;
  if (extendsFile !== undefined) merged.extendsFile = extendsFile;
  return merged;
}

function pick(l: ResourceLimits): ResourceLimits {
  const out: ResourceLimits = {};
  if (l.memory) out.memory = l.memory;
  if (l.cpus) out.cpus = l.cpus;
  if (l.pids) out.pids = l.pids;
  return out;
}

function limitsOf(raw: Record<string, unknown>, base: Pointer): ResourceLimits {
  const out: ResourceLimits = {};
  const deploy = raw.deploy;
  const limits = isMapping(deploy) && isMapping(deploy.resources) && isMapping(deploy.resources.limits) ? deploy.resources.limits : undefined;
  const lp = [...base, 'deploy', 'resources', 'limits'];
  const first = (cands: [unknown, Pointer][]): Value | undefined => {
    for (const [v, p] of cands) if (v !== undefined && v !== null) return valueOf(v, p);
    return undefined;
  };
  const memory = first([
    [limits?.memory, [...lp, 'memory']],
    [raw.mem_limit, [...base, 'mem_limit']],
  ]);
  const cpus = first([
    [limits?.cpus, [...lp, 'cpus']],
    [raw.cpus, [...base, 'cpus']],
    [raw.cpu_quota, [...base, 'cpu_quota']],
    [raw.cpu_count, [...base, 'cpu_count']],
    [raw.cpu_percent, [...base, 'cpu_percent']],
  ]);
  const pids = first([
    [limits?.pids, [...lp, 'pids']],
    [raw.pids_limit, [...base, 'pids_limit']],
  ]);
  if (memory) out.memory = memory;
  if (cpus) out.cpus = cpus;
  if (pids) out.pids = pids;
  return out;
}

function portsOf(raw: unknown, base: Pointer): PortMapping[] {
  if (!Array.isArray(raw)) return [];
  const out: PortMapping[] = [];
  raw.forEach((item, i) => {
    const pointer = [...base, i];
    if (typeof item === 'string' || typeof item === 'number') {
      const v = valueOf(item, pointer);
      out.push(parseShortPort(String(item), v.text, pointer));
    } else if (isMapping(item)) {
      const host = item.host_ip !== undefined ? valueOf(item.host_ip, [...pointer, 'host_ip']) : undefined;
      const published = item.published !== undefined ? valueOf(item.published, [...pointer, 'published']) : undefined;
      const target = item.target !== undefined ? valueOf(item.target, [...pointer, 'target']) : undefined;
      const protocol = item.protocol !== undefined ? valueOf(item.protocol, [...pointer, 'protocol']).text : undefined;
      const port: PortMapping = {
        pointer,
        display: `${host?.text ? `${host.text}:` : ''}${published?.text ?? ''}${published ? ':' : ''}${target?.text ?? '?'}${protocol ? `/${protocol}` : ''}`,
        protocol: protocol ?? 'tcp',
        resolved: (host === undefined || host.text !== undefined) && (published === undefined || published.text !== undefined),
      };
      if (host?.text) port.hostIp = host.text;
      if (published?.text) port.published = published.text;
      if (target?.text) port.target = target.text;
      out.push(port);
    }
  });
  return out;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, with IPv6 hosts in brackets or bare. */
export function parseShortPort(display: string, text: string | undefined, pointer: Pointer): PortMapping {
  if (text === undefined) return { pointer, display, protocol: 'tcp', resolved: false };
  let spec = text.trim();
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash !== -1) {
    protocol = spec.slice(slash + 1) || 'tcp';
    spec = spec.slice(0, slash);
  }
  const port: PortMapping = { pointer, display, protocol, resolved: true };
  let hostIp: string | undefined;
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']');
    if (close !== -1) {
      hostIp = spec.slice(1, close);
      spec = spec.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = spec.split(':');
  if (hostIp === undefined && parts.length > 2) {
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  }
  if (hostIp !== undefined) port.hostIp = hostIp;
  if (parts.length === 2) {
    if (parts[0] !== '') port.published = parts[0]!;
    port.target = parts[1]!;
  } else {
    port.target = parts[0]!;
  }
  return port;
}

function volumesOf(raw: unknown, base: Pointer): VolumeMount[] {
  if (!Array.isArray(raw)) return [];
  const out: VolumeMount[] = [];
  raw.forEach((item, i) => {
    const pointer = [...base, i];
    if (typeof item === 'string') {
      const v = valueOf(item, pointer);
      out.push(parseShortVolume(item, v.text, pointer));
    } else if (isMapping(item)) {
      const source = item.source !== undefined ? valueOf(item.source, [...pointer, 'source']) : undefined;
      const target = item.target !== undefined ? valueOf(item.target, [...pointer, 'target']) : undefined;
      const type = typeof item.type === 'string' ? item.type : 'volume';
      const ro = item.read_only !== undefined ? toBoolean(valueOf(item.read_only, [...pointer, 'read_only'])) : false;
      const mount: VolumeMount = {
        pointer,
        display: `${source?.text ?? String(source?.raw ?? '')}:${target?.text ?? ''}`,
        type,
        readOnly: ro === true,
        resolved: source === undefined || source.text !== undefined,
      };
      if (source?.text !== undefined) mount.source = source.text;
      if (target?.text !== undefined) mount.target = target.text;
      out.push(mount);
    }
  });
  return out;
}

/** `[SOURCE:]TARGET[:MODE]`; a source that looks like a path is a bind mount, otherwise a named volume. */
export function parseShortVolume(display: string, text: string | undefined, pointer: Pointer): VolumeMount {
  if (text === undefined) return { pointer, display, type: 'bind', readOnly: false, resolved: false };
  let parts = text.split(':');
  // A Windows drive letter: "C:\data:/data".
  if (parts.length >= 3 && /^[A-Za-z]$/.test(parts[0]!) && /^[\\/]/.test(parts[1]!)) parts = [`${parts[0]}:${parts[1]}`, ...parts.slice(2)];
  if (parts.length === 1) return { pointer, display, type: 'volume', target: parts[0]!, readOnly: false, resolved: true };
  const [source, target, mode = ''] = parts as [string, string, string?];
  const isPath = /^([./~]|[A-Za-z]:[\\/]|\\\\)/.test(source) || source === '';
  return {
    pointer,
    display,
    type: isPath ? 'bind' : 'volume',
    source,
    target,
    readOnly: mode.split(',').includes('ro'),
    resolved: true,
  };
}

function environmentOf(raw: unknown, base: Pointer): EnvVar[] {
  const out: EnvVar[] = [];
  const push = (name: string, value: unknown, pointer: Pointer) => {
    if (name === '') return;
    if (value === null || value === undefined) {
      out.push({ name, value: undefined, evaluated: undefined, interpolated: false, pointer });
      return;
    }
    const text = typeof value === 'string' ? value : String(value);
    const r = interpolate(text);
    out.push({ name, value: text, evaluated: r.resolved ? r.value : undefined, interpolated: r.interpolated, pointer });
  };
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      if (typeof item !== 'string') return;
      const eq = item.indexOf('=');
      if (eq === -1) push(item.trim(), undefined, [...base, i]);
      else push(item.slice(0, eq).trim(), item.slice(eq + 1), [...base, i]);
    });
  } else if (isMapping(raw)) {
    for (const key of Object.keys(raw)) {
      const v = raw[key];
      push(key, v !== null && typeof v === 'object' ? undefined : v, [...base, key]);
    }
  }
  return out;
}

function devicesOf(raw: unknown, base: Pointer): DeviceMapping[] {
  if (!Array.isArray(raw)) return [];
  const out: DeviceMapping[] = [];
  raw.forEach((item, i) => {
    const pointer = [...base, i];
    if (typeof item === 'string') {
      const v = valueOf(item, pointer);
      if (v.text === undefined) {
        out.push({ pointer, display: item, resolved: false });
        return;
      }
      const [source, target] = v.text.split(':');
      const d: DeviceMapping = { pointer, display: item, resolved: true };
      if (source) d.source = source;
      if (target) d.target = target;
      out.push(d);
    } else if (isMapping(item)) {
      const source = item.source !== undefined ? valueOf(item.source, [...pointer, 'source']) : undefined;
      const target = item.target !== undefined ? valueOf(item.target, [...pointer, 'target']) : undefined;
      const d: DeviceMapping = { pointer, display: `${source?.text ?? ''}:${target?.text ?? ''}`, resolved: source === undefined || source.text !== undefined };
      if (source?.text) d.source = source.text;
      if (target?.text) d.target = target.text;
      out.push(d);
    }
  });
  return out;
}
