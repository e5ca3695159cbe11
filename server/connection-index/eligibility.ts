import type { Connection } from '../config';
import { providerCatalog } from '../../src/api/providers/catalog';

export type Eligibility =
  | { readonly indexed: true; readonly why: string }
  | { readonly indexed: false; readonly reason: string };

/**
 * Whether the index mirrors a connection, from its capabilities and credential type, never its
 * provider's name. Every server-credential connection is mirrored: those that cannot search or
 * list across orgs need it for their lists, and all of them for the people lookup (no provider
 * finds a person across every org). User-token connections are answered live in the browser,
 * with each console user's own token: each user sees only their own orgs there.
 */
export function eligibility(connection: Connection): Eligibility {
  if (connection.auth.type === 'user-token') {
    return {
      indexed: false,
      reason: "user-token connection: answered live in the browser with each user's own token",
    };
  }
  const caps = providerCatalog[connection.provider].capabilities;
  const why =
    caps.list.search === 'client'
      ? 'the provider cannot search or count its orgs'
      : 'the people lookup and cross-org invitations (the provider lists them per org)';
  return { indexed: true, why };
}
