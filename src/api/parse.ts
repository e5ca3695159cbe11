import * as z from 'zod/mini';
import { ApiError } from './errors';

// The page's CSP has no 'unsafe-eval': without this, Zod's first object parse probes `new
// Function` to decide whether to compile parsers, which the CSP refuses (a violation report on
// every page load) before Zod falls back to the interpreter it then uses anyway.
z.config({ jitless: true });

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

const TYPE_NAMES: Readonly<Record<string, string>> = { int: 'integer', nan: 'NaN' };

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** A received value, short enough for a message: primitives as JSON, anything else by its type. */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeOf(value);
}

function size(origin: string, bound: number | bigint): string {
  const unit =
    origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : null;
  if (unit === null) return String(bound);
  return `${bound} ${unit}${Number(bound) === 1 ? '' : 's'}`;
}

/** Numbers "must be at least 1"; strings and arrays "must have at least 1 character/item". */
function verb(origin: string): string {
  return origin === 'number' || origin === 'int' || origin === 'bigint' ? 'be' : 'have';
}

/** The value the body holds at an issue's path (`undefined` where the path leads nowhere). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * What was wrong, from the issue's own fields and the value received: `zod/mini` loads no locale,
 * so its default messages say only "Invalid input".
 */
function describeIssue(issue: z.core.$ZodIssue, received: unknown): string {
  const fallback = issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (received === undefined) return 'is missing';
      if (issue.expected === 'int' && typeof received === 'number') {
        return `expected integer, got ${received}`;
      }
      return `expected ${typeName(issue.expected)}, got ${typeOf(received)}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((value) => shown(value));
      const expected = values.length === 1 ? values.join('') : `one of ${values.join(', ')}`;
      return `expected ${expected}, got ${shown(received)}`;
    }
    case 'too_small': {
      const bound = issue.exact ? 'exactly' : issue.inclusive ? 'at least' : 'more than';
      return `must ${verb(issue.origin)} ${bound} ${size(issue.origin, issue.minimum)}`;
    }
    case 'too_big': {
      const bound = issue.exact ? 'exactly' : issue.inclusive ? 'at most' : 'less than';
      return `must ${verb(issue.origin)} ${bound} ${size(issue.origin, issue.maximum)}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? `does not match ${issue.pattern}`
        : `is not a valid ${issue.format}`;
    case 'invalid_union':
      return issue.inclusive === false
        ? 'matches more than one allowed shape'
        : 'matches none of the allowed shapes';
    case 'unrecognized_keys':
      return `has unexpected ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return fallback;
  }
}

/**
 * Parses an untrusted provider body with its wire schema. A mismatch becomes a `bad_response`
 * ApiError that names the offending field, never a crash deeper in the UI.
 */
export function parseWire<S extends z.core.$ZodType>(
  schema: S,
  data: unknown,
  what: string,
): z.output<S> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? describePath(issue.path) : '(root)';
  const detail = issue ? describeIssue(issue, valueAt(data, issue.path)) : 'unexpected shape';
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
