import { buildPath } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { Connection } from '../config';
import { CredentialError, type CredentialProvider } from './credentials';

export interface HealthReport {
  readonly reachable: boolean;
  /** `null` when the answer says nothing either way (no token set, rate limited, server error). */
  readonly credentialAccepted: boolean | null;
  readonly status: number | null;
  readonly message: string;
}

const HEALTH_TIMEOUT_MS = 10_000;

export interface HealthCheck {
  readonly connection: Connection;
  readonly upstream: (url: string, init: RequestInit, publicOrigin: string) => Promise<Response>;
  readonly credentials: CredentialProvider;
  readonly userToken: string | null;
  readonly publicOrigin: string;
}

/** Calls the probe through the same credential path as the gateway; never returns the body. */
export async function checkHealth(check: HealthCheck): Promise<HealthReport> {
  const { connection } = check;
  const { displayName } = providerCatalog[connection.provider].capabilities;
  const probe = providerCatalog[connection.provider].vendor.healthProbe;
  const op = providerCatalog[connection.provider].operations[probe.operationId];
  if (!op) throw new Error(`No ${probe.operationId} operation for ${connection.provider}`);
  const search = new URLSearchParams({ ...probe.query, ...connection.query }).toString();
  const url = `${connection.baseUrl}${buildPath(op)}${search === '' ? '' : `?${search}`}`;
  const withoutToken = connection.auth.type === 'user-token' && check.userToken === null;

  const send = async (): Promise<Response> => {
    const headers = new Headers({ accept: 'application/json' });
    if (!withoutToken) {
      headers.set(
        'authorization',
        await check.credentials.authorization(connection, check.publicOrigin, check.userToken),
      );
    }
    return check.upstream(
      url,
      { method: op.method, headers, signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) },
      check.publicOrigin,
    );
  };

  let response: Response;
  try {
    response = await send();
    if (response.status === 401 && connection.auth.type === 'oauth2-client-credentials') {
      check.credentials.invalidate(connection.id);
      await response.body?.cancel();
      response = await send();
    }
  } catch (error) {
    if (error instanceof CredentialError) {
      return error.failure === 'unreachable'
        ? { reachable: false, credentialAccepted: null, status: null, message: error.message }
        : {
            reachable: true,
            credentialAccepted: false,
            status: error.status,
            message: error.message,
          };
    }
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      reachable: false,
      credentialAccepted: null,
      status: null,
      message: timedOut
        ? `${displayName} did not answer within ${HEALTH_TIMEOUT_MS / 1000} seconds.`
        : `${displayName} could not be reached at ${connection.baseUrl}.`,
    };
  }
  await response.body?.cancel();
  return report(displayName, response.status, withoutToken);
}

function report(displayName: string, status: number, withoutToken: boolean): HealthReport {
  const base = { reachable: true, status };
  if (withoutToken) {
    return {
      ...base,
      credentialAccepted: null,
      message: `${displayName} answers. Provide your own access token to check a credential.`,
    };
  }
  if (status >= 200 && status < 300) {
    return {
      ...base,
      credentialAccepted: true,
      message: `${displayName} accepted the credential.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...base,
      credentialAccepted: false,
      message: `${displayName} refused the credential (HTTP ${status}).`,
    };
  }
  if (status === 429) {
    return {
      ...base,
      credentialAccepted: null,
      message: `${displayName} is rate limiting; try again shortly.`,
    };
  }
  return {
    ...base,
    credentialAccepted: null,
    message:
      status >= 500
        ? `${displayName} answered with a server error (HTTP ${status}).`
        : `${displayName} answered HTTP ${status}; check the connection's base URL.`,
  };
}
