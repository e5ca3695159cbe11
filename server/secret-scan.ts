import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A value that must never appear, and the name to report instead of it. */
export interface NamedSecret {
  readonly name: string;
  readonly value: string;
}

export interface SecretFinding {
  readonly where: string;
  /** The secret's name, never its value. */
  readonly secret: string;
}

/** The forms a secret can take in a file or a response: as is, URL-encoded, base64. */
function variants(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')])];
}

/** Names of the secrets found in a text. */
export function secretsIn(text: string, secrets: readonly NamedSecret[]): string[] {
  return secrets
    .filter((secret) => secret.value.length >= 6)
    .filter((secret) => variants(secret.value).some((variant) => text.includes(variant)))
    .map((secret) => secret.name);
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) yield* files(path);
    else if (item.isFile()) yield path;
  }
}

/** Every file under `dir` (bundles, source maps, HTML) checked for every secret. */
export async function scanDirectory(
  dir: string,
  secrets: readonly NamedSecret[],
): Promise<SecretFinding[]> {
  const findings: SecretFinding[] = [];
  for await (const path of files(dir)) {
    const text = (await readFile(path)).toString('latin1');
    for (const secret of secretsIn(text, secrets)) {
      findings.push({ where: relative(dir, path), secret });
    }
  }
  return findings;
}

/**
 * `<script>` elements with inline code: the production CSP (`script-src 'self'`) blocks them.
 * A JSON data block (`type="application/json"`, how the server embeds the page's boot data) is
 * never executed, so it is not one.
 */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const code = match[2] ?? '';
    if (/\btype\s*=\s*["']?application\/json["'\s>]/i.test(`${attributes}>`)) continue;
    if (!/\bsrc\s*=/.test(attributes) || code.trim() !== '') found.push(match[0].slice(0, 80));
  }
  return found;
}
