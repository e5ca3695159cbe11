import { matchOperation, type OperationMatch } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { Connection } from '../config';
import { parseUpstreamPath } from './path';
import type { Refusal } from './refusal';

export interface MatchedCall {
  readonly connection: Connection;
  readonly match: OperationMatch;
  /** Canonically encoded, as matched and as forwarded. */
  readonly vendorPath: string;
}

/**
 * Step 1, match: which connection and which known operation a call is, from the decoded,
 * normalised path (see `parseUpstreamPath`). Only calls in the provider's operation table go on.
 */
export function matchCall(
  connections: ReadonlyMap<string, Connection>,
  method: string,
  pathname: string,
):
  | { readonly ok: true; readonly call: MatchedCall }
  | { readonly ok: false; readonly refusal: Refusal; readonly connection?: Connection } {
  const path = parseUpstreamPath(pathname);
  if (!path.ok)
    return { ok: false, refusal: { status: 400, code: 'bad_path', message: path.reason } };
  const connection = connections.get(path.connectionId);
  if (!connection) {
    return {
      ok: false,
      refusal: {
        status: 404,
        code: 'unknown_connection',
        message: 'There is no connection with that id.',
      },
    };
  }
  const { operations, capabilities } = providerCatalog[connection.provider];
  const match = matchOperation(operations, method, path.vendorPath);
  if (!match) {
    return {
      ok: false,
      connection,
      refusal: {
        status: 404,
        code: 'unknown_operation',
        message: `${method} ${path.vendorPath} is not a known ${capabilities.displayName} operation; the gateway only forwards known calls.`,
      },
    };
  }
  return { ok: true, call: { connection, match, vendorPath: path.vendorPath } };
}
