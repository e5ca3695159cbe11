import type { z } from 'zod';
import { ApiError } from './errors';

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/**
 * Parses an untrusted provider body with its wire schema. A mismatch becomes a `bad_response`
 * ApiError that names the offending field, never a crash deeper in the UI.
 */
export function parseWire<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? describePath(issue.path) : '(root)';
  const detail = issue ? issue.message : 'unexpected shape';
  return raise(
    new ApiError({
      kind: 'bad_response',
      message: `Unexpected ${what} from the provider: field ${where}: ${detail}.`,
      cause: result.error,
    }),
  );
}

function raise(error: ApiError): never {
  throw error;
}
