import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressResponses, negotiateEncoding } from './compression';
import { preloadsFor, type BuildManifest } from './route-preloads';
import { inlineScripts } from './secret-scan';
import { builtFiles, IMMUTABLE, jsonForHtml, pageShell } from './static-assets';

const SCRIPT = `export const rows = [${'"a data row",'.repeat(400)}];\n`;
const INDEX =
  '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const MANIFEST: BuildManifest = {
  'index.html': { file: 'assets/index-abc123.js', isEntry: true, imports: ['_vendor.js'] },
  '_vendor.js': { file: 'assets/vendor-v1.js' },
  'src/app/routes/org-list-route.tsx': {
    file: 'assets/org-list-route-r1.js',
    isDynamicEntry: true,
    imports: ['_vendor.js', '_table.js'],
  },
  '_table.js': { file: 'assets/table-t1.js' },
  'src/api/providers/clerk/adapter.ts': { file: 'assets/adapter-c1.js', isDynamicEntry: true },
};

const CONNECTIONS = [
  { id: 'clerk', provider: 'clerk' },
  ...Array.from({ length: 30 }, (_, i) => ({ id: `permit-${i}`, provider: 'permit' })),
];

let clientDir = '';

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'orgdeck-static-'));
  await mkdir(join(clientDir, 'assets'));
  await mkdir(join(clientDir, '.vite'));
  const js = join(clientDir, 'assets', 'index-abc123.js');
  await writeFile(js, SCRIPT);
  await writeFile(`${js}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${js}.gz`, gzipSync(SCRIPT));
  await writeFile(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(clientDir, 'index.html'), INDEX);
  await writeFile(join(clientDir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
});

/** The console API as the page shell asks it: a session (with a cookie) and the connection list. */
function fakeApi() {
  const api = new Hono();
  api.get('/api/session', (c) => {
    if (!c.req.header('cookie')?.includes('orgdeck_session=')) {
      c.header('set-cookie', 'orgdeck_session=fresh; Path=/; HttpOnly; SameSite=Strict');
    }
    return c.json({ signedIn: false, csrfToken: 'token-of-this-session', note: '</script><b>' });
  });
  api.get('/api/connections', (c) => c.json(CONNECTIONS));
  return api;
}

function app() {
  const root = new Hono();
  root.use('*', builtFiles(clientDir));
  root.get('*', pageShell({ indexHtml: INDEX, clientDir, api: fakeApi() }));
  return root;
}

describe('built files', () => {
  it('answers hashed JS with brotli when accepted, else gzip, else as is; immutable', async () => {
    const br = await app().request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const gz = await app().request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await app().request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('revalidates unhashed files, 404s a missing asset and never serves the build manifest', async () => {
    const icon = await app().request('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect((await app().request('/assets/gone-123.js')).status).toBe(404);
    const manifest = await app().request('/.vite/manifest.json');
    expect(manifest.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('page shell', () => {
  it('embeds the session and connections as data, preloads the route and adapter, is never stored', async () => {
    const response = await app().request('/c/clerk/orgs', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    expect(response.headers.get('set-cookie')).toContain('orgdeck_session=fresh');
    const html = await response.text();
    expect(inlineScripts(html)).toEqual([]);
    const block = /<script type="application\/json" id="orgdeck-boot">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual({
      session: { signedIn: false, csrfToken: 'token-of-this-session', note: '</script><b>' },
      connections: CONNECTIONS,
    });
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
    expect(preloads.map((match) => match[1])).toEqual([
      '/assets/org-list-route-r1.js',
      '/assets/table-t1.js',
      '/assets/adapter-c1.js',
    ]);
  });

  it('is compressed for clients that accept it', async () => {
    const response = await app().request('/c/clerk/orgs', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toContain(
      'orgdeck-boot',
    );
  });

  it('keeps JSON from closing its script element', () => {
    expect(jsonForHtml({ a: '</script><script>x</script>&' })).not.toMatch(/[<>&]/);
    expect(JSON.parse(jsonForHtml({ a: '</script>\u2028' }))).toEqual({ a: '</script>\u2028' });
  });

  it('preloads nothing beyond the entry for a page without a lazy route', () => {
    expect(preloadsFor(MANIFEST, '/nowhere', null)).toEqual([]);
  });
});

interface Rows {
  readonly rows: readonly unknown[] | string;
}

describe('API compression', () => {
  const api = () => {
    const root = new Hono();
    root.use('/api/*', compressResponses());
    root.get('/api/big', (c) =>
      c.json({ rows: Array.from({ length: 200 }, (_, i) => `row ${i}`) }),
    );
    root.get('/api/small', (c) => c.json({ ok: true }));
    root.get('/api/encoded', (c) => {
      c.header('content-encoding', 'gzip');
      return c.body(gzipSync(JSON.stringify({ rows: 'x'.repeat(5000) })), 200, {
        'content-type': 'application/json',
      });
    });
    return root;
  };

  it('compresses large JSON for clients that accept it, and only then', async () => {
    const br = await api().request('/api/big', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const body = JSON.parse(
      brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(),
    ) as Rows;
    expect(body.rows).toHaveLength(200);
    const plain = await api().request('/api/big');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as Rows).rows).toHaveLength(200);
  });

  it('leaves tiny and already-compressed answers alone', async () => {
    const small = await api().request('/api/small', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    const encoded = await api().request('/api/encoded', { headers: { 'accept-encoding': 'br' } });
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    expect(
      (JSON.parse(gunzipSync(Buffer.from(await encoded.arrayBuffer())).toString()) as Rows).rows,
    ).toHaveLength(5000);
  });

  it('negotiates by q-values, preferring brotli on a tie', () => {
    expect(negotiateEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(negotiateEncoding('*', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(negotiateEncoding(undefined, ['br'])).toBeNull();
  });
});
