import { applyLayers } from '../../parsers/image/filesystem.js';
import type { Descriptor } from '../../parsers/image/manifest.js';
import { parseImageConfig, type ImageConfig } from '../../parsers/image/manifest.js';
import { ImageError } from './errors.js';
import type { LayerRead } from './layer.js';
import type { ImageLayerInfo, ImageProblem, ImageSourceKind, ReadImage } from './types.js';

export interface AssembleInput {
  reference: string;
  source: ImageSourceKind;
  manifestDigest?: string;
  configDigest: string;
  configBytes: Uint8Array;
  /** Layers in order, bottom first. */
  layers: { read: LayerRead; descriptor?: Descriptor }[];
  platform?: string;
  problems?: ImageProblem[];
}

/** Checks the layers against the configuration's diff ids and builds the virtual filesystem. */
export function assembleImage(input: AssembleInput): ReadImage {
  let config: ImageConfig;
  let configText: string;
  try {
    ({ config, text: configText } = parseImageConfig(input.configBytes));
  } catch (e) {
    throw new ImageError('bad-manifest', `image configuration ${input.configDigest}: ${(e as Error).message}`);
  }
  const diffIds = Array.isArray(config.rootfs?.diff_ids) ? config.rootfs!.diff_ids! : undefined;
  if (diffIds) {
    if (diffIds.length !== input.layers.length) {
      throw new ImageError('bad-manifest', `the manifest lists ${input.layers.length} layers but the configuration lists ${diffIds.length} diff ids`);
    }
    input.layers.forEach((l, i) => {
      if (diffIds[i] !== l.read.diffId) {
        throw new ImageError('digest-mismatch', `layer ${i + 1} (${l.descriptor?.digest ?? l.read.digest}): uncompressed digest is ${l.read.diffId}, but the configuration lists ${String(diffIds[i])}`);
      }
    });
  }
  const problems: ImageProblem[] = [...(input.problems ?? [])];
  const layers: ImageLayerInfo[] = input.layers.map((l, index) => {
    for (const p of l.read.problems) problems.push({ path: p.path, layer: l.read.diffId, code: p.code, message: p.message });
    const info: ImageLayerInfo = {
      index,
      key: l.read.name,
      digest: l.descriptor?.digest ?? l.read.digest,
      diffId: l.read.diffId,
      compression: l.read.compression,
      compressedSize: l.read.compressedSize,
      expandedSize: l.read.expandedSize,
      entries: l.read.entries.length,
    };
    if (l.descriptor?.mediaType) info.mediaType = l.descriptor.mediaType;
    return info;
  });
  const fs = applyLayers(input.layers.map((l) => ({ id: l.read.diffId, entries: l.read.entries })));
  for (const p of fs.problems) problems.push(p);
  const image: ReadImage = {
    reference: input.reference,
    source: input.source,
    configDigest: input.configDigest,
    config,
    configText,
    layers,
    files: fs.files,
    removed: fs.removed,
    problems,
  };
  if (input.manifestDigest) image.manifestDigest = input.manifestDigest;
  const platform = input.platform ?? (config.os && config.architecture ? `${config.os}/${config.architecture}${config.variant ? `/${config.variant}` : ''}` : undefined);
  if (platform) image.platform = platform;
  return image;
}
