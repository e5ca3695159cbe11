import { existsSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '../../fixtures';
import { inlineScripts } from '../../../server/secret-scan';
import {
  ENTRY_SOURCE,
  adapterSource,
  readManifest,
  staticClosure,
} from '../../../server/route-preloads';

/**
 * Deterministic guards of how the production server delivers the console (bytes, files and
 * headers, never timings: speed is measured by `npm run bench`).
 */

const CLIENT_DIR = join(process.cwd(), 'dist', 'client');
/** The org list route's initial graph: the entry, the route chunk and the Clerk adapter. */
const ORG_LIST_SOURCES = [
  ENTRY_SOURCE,
  'src/app/routes/org-list-route.tsx',
  adapterSource('clerk'),
];
/** Issue 10: at most 0.9x the floor's 234 kB; kept under it with a margin. */
const BUDGET_ORG_LIST_FILES = 8;
const BUDGET_ORG_LIST_BROTLI_KB = 205;

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: number;
  readonly body: string;
}

/** A GET with exactly the Accept-Encoding given (a browser's fetch would add its own). */
function rawGet(url: string, acceptEncoding: string | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding
      ? { 'accept-encoding': acceptEncoding }
      : {};
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes: body.length,
          body: body.toString('utf8'),
        });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function manifest() {
  const built = readManifest(CLIENT_DIR);
  if (!built) throw new Error('dist/client/.vite/manifest.json is missing: run "npm run build".');
  return built;
}

test.describe('Delivery of the production build', () => {
  test('hashed JavaScript comes as brotli, gzip for clients without it, cached as immutable', async ({
    baseURL,
  }) => {
    const entry = manifest()[ENTRY_SOURCE]?.file ?? '';
    const url = `${baseURL ?? ''}/${entry}`;

    const br = await rawGet(url, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gzip = await rawGet(url, 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await rawGet(url, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.bytes).toBeLessThan(gzip.bytes);
    expect(gzip.bytes).toBeLessThan(plain.bytes);
  });

  test('the page is never stored, carries its data as JSON only and preloads its route', async ({
    baseURL,
  }) => {
    const page = await rawGet(`${baseURL ?? ''}/c/clerk/orgs`, null);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['vary']).toContain('Cookie');
    expect(inlineScripts(page.body)).toEqual([]);
    expect(page.body).toContain('<script type="application/json" id="orgdeck-boot">');
    const routeChunk = manifest()['src/app/routes/org-list-route.tsx']?.file ?? '(none)';
    expect(page.body).toContain(`<link rel="modulepreload" crossorigin href="/${routeChunk}">`);
  });

  test('a missing asset is a 404, not the page', async ({ baseURL }) => {
    const missing = await rawGet(`${baseURL ?? ''}/assets/no-such-chunk-0000.js`, 'br');
    expect(missing.status).toBe(404);
  });

  test('the org list route starts with few files and few kilobytes', () => {
    const built = manifest();
    const chunks = staticClosure(built, ORG_LIST_SOURCES).map((key) => built[key]?.file ?? key);
    const brotliBytes = chunks.reduce((sum, file) => {
      const path = join(CLIENT_DIR, file);
      return sum + statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
    }, 0);
    const summary = `${String(chunks.length)} files, ${(brotliBytes / 1000).toFixed(1)} kB brotli: ${chunks.join(', ')}`;
    expect(chunks.length, summary).toBeLessThanOrEqual(BUDGET_ORG_LIST_FILES);
    expect(brotliBytes / 1000, summary).toBeLessThanOrEqual(BUDGET_ORG_LIST_BROTLI_KB);
  });
});
