/**
 * Operation tables: one per provider, listing every vendor call Orgdeck makes as
 * `method + path template`. The adapter builds its URLs from the table, the gateway's
 * allow-list is the table, and the sandbox registers one handler per entry, so the three
 * cannot drift apart.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Console roles, least to most: viewer reads everything; support also invites, revokes, adds and
 * removes members; admin does everything. The gateway enforces them per operation.
 */
export const CONSOLE_ROLES = ['viewer', 'support', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** Whether `role` is at least `least` (admin ⊇ support ⊇ viewer). */
export function roleAllows(role: ConsoleRole, least: ConsoleRole): boolean {
  return CONSOLE_ROLES.indexOf(role) >= CONSOLE_ROLES.indexOf(least);
}

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Vendor path template, e.g. `/v2/orgs/{org_id}`. Parameters are whole segments. */
  readonly path: string;
  /** Whether the call changes state at the provider (used for audit and console roles). */
  readonly mutates: boolean;
  /** The least console role allowed to call it: reads are viewer, mutations never are. */
  readonly role: ConsoleRole;
  readonly summary: string;
}

export type OperationTable = Readonly<Record<string, OperationSpec>>;

export function defineOperations<const T extends Record<string, OperationSpec>>(table: T): T {
  for (const [id, op] of Object.entries(table)) {
    if (!op.path.startsWith('/')) throw new Error(`Operation ${id}: path must start with "/"`);
  }
  return table;
}

export interface OperationMatch {
  readonly id: string;
  readonly op: OperationSpec;
  readonly params: Readonly<Record<string, string>>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParamSegment(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** More literal segments first, so `/members/invitations` wins over `/members/{userId}`. */
function specificity(path: string): number {
  return splitPath(path).filter((segment) => !isParamSegment(segment)).length;
}

interface CompiledOperation {
  readonly id: string;
  readonly op: OperationSpec;
  readonly template: readonly string[];
}

/**
 * Each table's operations by method, templates split and most specific first: built once per
 * table (the gateway matches every call; sorting and splitting per call was a visible share
 * of its CPU).
 */
const compiledTables = new WeakMap<OperationTable, Map<string, readonly CompiledOperation[]>>();

function candidatesFor(table: OperationTable, method: string): readonly CompiledOperation[] {
  let byMethod = compiledTables.get(table);
  if (!byMethod) {
    byMethod = new Map();
    compiledTables.set(table, byMethod);
  }
  let candidates = byMethod.get(method);
  if (!candidates) {
    candidates = Object.entries(table)
      .filter(([, op]) => op.method === method)
      .sort(([, a], [, b]) => specificity(b.path) - specificity(a.path))
      .map(([id, op]) => ({ id, op, template: splitPath(op.path) }));
    byMethod.set(method, candidates);
  }
  return candidates;
}

/** Finds the operation a concrete request corresponds to, or `null` when it is not a known call. */
export function matchOperation(
  table: OperationTable,
  method: string,
  pathname: string,
): OperationMatch | null {
  const actual = splitPath(pathname);
  for (const { id, op, template } of candidatesFor(table, method.toUpperCase())) {
    if (template.length !== actual.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length; i++) {
      const t = template[i] ?? '';
      const a = actual[i] ?? '';
      if (isParamSegment(t)) {
        let value: string;
        try {
          value = decodeURIComponent(a);
        } catch {
          ok = false;
          break;
        }
        if (value === '' || value.includes('/')) {
          ok = false;
          break;
        }
        params[t.slice(1, -1)] = value;
      } else if (t !== a) {
        ok = false;
        break;
      }
    }
    if (ok) return { id, op, params };
  }
  return null;
}

/** Fills a path template; every parameter is URL-encoded as one segment. */
export function buildPath(
  op: OperationSpec,
  params: Readonly<Record<string, string>> = {},
): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new Error(`Missing path parameter "${name}" for ${op.method} ${op.path}`);
    }
    return encodeURIComponent(value);
  });
}

/** Hono-style route path (`/v2/orgs/:org_id`) for a template. */
export function toRoutePath(op: OperationSpec): string {
  return op.path.replace(/\{([^}]+)\}/g, ':$1');
}
