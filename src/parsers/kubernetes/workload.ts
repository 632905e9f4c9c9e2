import type { Resource } from '../../model/index.js';
import type { KubeDocument } from './parse.js';

export type Pointer = ReadonlyArray<string | number>;
type Obj = Record<string, unknown>;

/** Where the pod template sits in each kind that carries one. */
const POD_SPEC_PATHS: Record<string, { spec: Pointer; meta: Pointer }> = {
  Pod: { spec: ['spec'], meta: ['metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], meta: ['spec', 'template', 'metadata'] },
  CronJob: {
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    meta: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
  PodTemplate: { spec: ['template', 'spec'], meta: ['template', 'metadata'] },
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

export interface PodSpecRef {
  spec: Obj;
  /** Pointer from the object to the pod spec. */
  pointer: Pointer;
  /** The pod's metadata (template metadata for controllers), possibly empty. */
  metadata: Obj;
  metadataPointer: Pointer;
  /** Memo of `containersOf(pod)` with every container type. */
  containersMemo?: readonly ContainerRef[];
  /** Memo of whether the pod passes every Pod Security Standards control at the newest version. */
  pssPassMemo?: boolean;
}

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  container: Obj;
  name: string;
  type: ContainerType;
  index: number;
  /** Pointer from the object to the container. */
  pointer: Pointer;
  /** Memo of the finding resource naming this container. */
  resourceMemo?: Resource;
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The pod spec of a workload object, or undefined for kinds that carry none. Every rule asks: computed once per document. */
export function podSpecOf(doc: KubeDocument): PodSpecRef | undefined {
  let ref = doc.podSpecMemo;
  if (ref === undefined) {
    ref = findPodSpec(doc) ?? null;
    doc.podSpecMemo = ref;
  }
  return ref ?? undefined;
}

function findPodSpec(doc: KubeDocument): PodSpecRef | undefined {
  const paths = POD_SPEC_PATHS[doc.objectKind];
  if (!paths) return undefined;
  const spec = doc.get(paths.spec);
  if (!isObj(spec)) return undefined;
  const meta = doc.get(paths.meta);
  return { spec, pointer: paths.spec, metadata: isObj(meta) ? meta : {}, metadataPointer: paths.meta, containersMemo: undefined, pssPassMemo: undefined };
}

const ALL_CONTAINER_TYPES: readonly ContainerType[] = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Every container of a pod spec: regular, init and ephemeral, in that order. The full list is
 * computed once per pod spec, since most rules ask for it; treat it as read-only.
 */
export function containersOf(pod: PodSpecRef, types: readonly ContainerType[] = ALL_CONTAINER_TYPES): readonly ContainerRef[] {
  const all = (pod.containersMemo ??= collectContainers(pod, ALL_CONTAINER_TYPES));
  if (types === ALL_CONTAINER_TYPES) return all;
  // The same references (and their memos), in the order of `types`.
  const out: ContainerRef[] = [];
  for (const type of types) for (let i = 0; i < all.length; i++) if (all[i]!.type === type) out.push(all[i]!);
  return out;
}

function collectContainers(pod: PodSpecRef, types: readonly ContainerType[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const type of types) {
    const list = pod.spec[type];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const c: unknown = list[index];
      if (!isObj(c)) continue;
      out.push({ container: c, name: typeof c.name === 'string' ? c.name : `${type}[${index}]`, type, index, pointer: [...pod.pointer, type, index], resourceMemo: undefined });
    }
  }
  return out;
}

/** Reads a nested value without throwing. */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
  let cur = value;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}
