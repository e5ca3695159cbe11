import * as z from 'zod/mini';
import { ClerkDeletedObjectWire, ClerkOrganizationBaseWire } from '../clerk/wire';

/**
 * Clerk Frontend API wire shapes (`/work/shared/providers/clerk-frontend.md`, spec
 * `clerk-fapi-2026-05-12.yaml`, `Client.*` schemas). Every 200 is `{response, client}`.
 */

/** `Client.Organization`: the BAPI base minus anything private. */
export const ClerkFrontendOrganizationWire = z.extend(ClerkOrganizationBaseWire, {
  self_serve_sso_enabled: z.optional(z.boolean()),
  logo_url: z.nullish(z.string()),
});
export type ClerkFrontendOrganizationWire = z.infer<typeof ClerkFrontendOrganizationWire>;

/** `Client.OrganizationMembership`: only what the org list reads. */
export const ClerkFrontendMembershipWire = z.object({
  object: z.literal('organization_membership'),
  id: z.string(),
  role: z.string(),
  organization: ClerkFrontendOrganizationWire,
});

/** `Client.Client`: we only check it is there; the session data is not ours to show. */
const ClientWire = z.object({ object: z.literal('client'), id: z.string() });

export function wrapped<T extends z.ZodMiniType>(response: T) {
  return z.object({ response, client: ClientWire });
}

export const ClerkFrontendWrappedOrganizationWire = wrapped(ClerkFrontendOrganizationWire);

/** The spec's `oneOf`: `{data, total_count}` with `paginated=true`, otherwise a bare array. */
export const ClerkFrontendWrappedMembershipsWire = wrapped(
  z.union([
    z.object({
      data: z.array(ClerkFrontendMembershipWire),
      total_count: z.optional(z.number().check(z.int(), z.nonnegative())),
    }),
    z.array(ClerkFrontendMembershipWire),
  ]),
);
export type ClerkFrontendWrappedMembershipsWire = z.infer<
  typeof ClerkFrontendWrappedMembershipsWire
>;

/** `Client.ClientWrappedDeletedObject`: the client may be null here. */
export const ClerkFrontendWrappedDeletedObjectWire = z.object({
  response: ClerkDeletedObjectWire,
  client: z.nullable(ClientWire),
});

/** Form bodies (`application/x-www-form-urlencoded`); type aliases so they fit the form record. */
export type ClerkFrontendCreateOrganizationForm = { name: string; slug?: string };
export type ClerkFrontendUpdateOrganizationForm = { name?: string; slug?: string };
