import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';

/** What scripts/ci-images.sh prepared: image tarballs, an OCI layout and two loopback registries. */
export interface ImageComponents {
  cache: string;
  oci: string;
  ociZstd: string;
  archives: Record<'busybox' | 'debian', { docker: string; oci: string }>;
  registry: string;
  tokenRegistry: string;
  tokenRealmPort: number;
  tokenService: string;
  tokenIssuer: string;
  tokenKey: string;
  tokenCert: string;
}

export const REQUIRED = process.env.DRYDOCK_REQUIRE_INTEGRATION === '1';

export function cacheDir(): string {
  return process.env.DRYDOCK_TEST_CACHE ?? `${process.env.XDG_CACHE_HOME ?? '/var/cache'}/drydock-test`;
}

function ping(hostPort: string): Promise<boolean> {
  return new Promise((resolve) => {
    const [host, port] = hostPort.split(':');
    const req = request({ host, port: Number(port), path: '/v2/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 || res.statusCode === 401);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/**
 * The prepared components, or the reason they are missing. With DRYDOCK_REQUIRE_INTEGRATION=1 a
 * missing component is an error, never a skip.
 */
export async function loadComponents(): Promise<{ env?: ImageComponents; reason?: string }> {
  const file = `${cacheDir()}/env.json`;
  let reason: string | undefined;
  let env: ImageComponents | undefined;
  if (!existsSync(file)) reason = `${file} not found: run scripts/ci-images.sh to build the test images and start the registries`;
  else {
    env = JSON.parse(readFileSync(file, 'utf8')) as ImageComponents;
    const missing = [env.archives.busybox.docker, env.archives.debian.docker, env.archives.busybox.oci, env.archives.debian.oci, env.oci, env.ociZstd ?? '(ociZstd missing: rerun scripts/ci-images.sh)'].filter((p) => !existsSync(p));
    if (missing.length) reason = `missing test images: ${missing.join(', ')}`;
    else if (!(await ping(env.registry))) reason = `registry ${env.registry} is not answering: run scripts/ci-images.sh`;
    else if (!(await ping(env.tokenRegistry))) reason = `token registry ${env.tokenRegistry} is not answering: run scripts/ci-images.sh`;
  }
  if (reason) {
    if (REQUIRED) throw new Error(`DRYDOCK_REQUIRE_INTEGRATION=1 but ${reason}`);
    return { reason };
  }
  return { env: env! };
}
