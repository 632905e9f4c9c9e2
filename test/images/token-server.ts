import { createHash, createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

export interface TokenServer {
  server: Server;
  /** Requests seen, for assertions (user name or 'anonymous', and scopes). */
  requests: { user: string; scope: string[] }[];
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * A Docker token service on loopback, as registries with `auth.token` expect: checks basic
 * credentials, grants the scopes asked for, and signs an ES256 JWT whose x5c header carries the
 * certificate the registry trusts.
 */
export async function startTokenServer(opts: { port: number; keyPath: string; certPath: string; issuer: string; service: string; users: Record<string, string> }): Promise<TokenServer> {
  const key = createPrivateKey(readFileSync(opts.keyPath));
  const cert = new X509Certificate(readFileSync(opts.certPath));
  const requests: TokenServer['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers.authorization;
    let user = 'anonymous';
    if (auth?.startsWith('Basic ')) {
      const [u, p] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(/:(.*)/s);
      if (!u || opts.users[u] !== p) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
        return;
      }
      user = u;
    }
    const scopes = url.searchParams.getAll('scope');
    requests.push({ user, scope: scopes });
    if (user === 'anonymous') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"authentication required"}');
      return;
    }
    const access = scopes.flatMap((s) => {
      const [type, ...rest] = s.split(':');
      const actions = rest.pop() ?? '';
      return type === 'repository' ? [{ type, name: rest.join(':'), actions: actions.split(',') }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c: [cert.raw.toString('base64')] };
    const claims = { iss: opts.issuer, sub: user, aud: opts.service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    const token = `${input}.${b64url(sig)}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  void createHash;
  return { server, requests, close: () => new Promise((r) => server.close(() => r())) };
}
