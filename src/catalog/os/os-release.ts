import { text } from '../util.js';

export interface OsRelease {
  id: string;
  versionId?: string;
  codename?: string;
  idLike: string[];
  prettyName?: string;
}

/** Parses os-release(5): KEY=value lines, values optionally quoted with shell escapes. */
export function parseOsRelease(bytes: Uint8Array): OsRelease | undefined {
  const fields = new Map<string, string>();
  for (const raw of text(bytes).split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) {
      value = value.slice(1, -1).replace(/\\(["'$`\\])/g, '$1');
    }
    fields.set(line.slice(0, eq), value);
  }
  const id = fields.get('ID')?.toLowerCase();
  if (!id) return undefined;
  const r: OsRelease = { id, idLike: (fields.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean) };
  const v = fields.get('VERSION_ID');
  if (v) r.versionId = v;
  const c = fields.get('VERSION_CODENAME');
  if (c) r.codename = c;
  const p = fields.get('PRETTY_NAME');
  if (p) r.prettyName = p;
  return r;
}

/** The OSV ecosystem of a distribution release: "Debian:12", "Alpine:v3.20", "Ubuntu:22.04", … */
export function osvEcosystem(os: OsRelease | undefined, kind: 'deb' | 'apk' | 'rpm'): string {
  if (!os) return kind === 'deb' ? 'Debian' : kind === 'apk' ? 'Alpine' : 'Red Hat';
  const v = os.versionId;
  switch (os.id) {
    case 'debian':
      return v ? `Debian:${v.split('.')[0]}` : 'Debian';
    case 'ubuntu':
      return v ? `Ubuntu:${v}` : 'Ubuntu';
    case 'alpine': {
      const m = v ? /^(\d+)\.(\d+)/.exec(v) : null;
      return m ? `Alpine:v${m[1]}.${m[2]}` : 'Alpine';
    }
    case 'wolfi':
      return 'Wolfi';
    case 'chainguard':
      return 'Chainguard';
    case 'rocky':
      return v ? `Rocky Linux:${v.split('.')[0]}` : 'Rocky Linux';
    case 'almalinux':
      return v ? `AlmaLinux:${v.split('.')[0]}` : 'AlmaLinux';
    case 'rhel':
    case 'centos':
      return 'Red Hat';
    case 'opensuse-leap':
      return v ? `openSUSE:Leap ${v}` : 'openSUSE';
    case 'opensuse-tumbleweed':
      return 'openSUSE:Tumbleweed';
    case 'sles':
      return 'SUSE';
    case 'mageia':
      return v ? `Mageia:${v}` : 'Mageia';
    case 'photon':
      return 'Photon OS';
    case 'azurelinux':
    case 'mariner':
      return 'Azure Linux';
    default: {
      const base = kind === 'deb' ? (os.idLike.includes('ubuntu') ? 'Ubuntu' : 'Debian') : kind === 'apk' ? 'Alpine' : 'Red Hat';
      return base;
    }
  }
}

/** The purl namespace of a distribution: the os-release ID, as Syft and Trivy write it. */
export function purlNamespace(os: OsRelease | undefined, kind: 'deb' | 'apk' | 'rpm'): string {
  if (!os) return kind === 'deb' ? 'debian' : kind === 'apk' ? 'alpine' : 'redhat';
  if (os.id === 'rhel') return 'redhat';
  return os.id;
}

/** The purl `distro` qualifier: "debian-12", "alpine-3.20.3", "ubuntu-22.04". */
export function distroQualifier(os: OsRelease | undefined): string | undefined {
  if (!os) return undefined;
  return os.versionId ? `${os.id}-${os.versionId}` : os.codename ? `${os.id}-${os.codename}` : os.id;
}
