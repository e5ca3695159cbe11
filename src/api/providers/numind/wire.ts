import * as z from 'zod/mini';

/**
 * NuMind / NuExtract wire shapes, as sent (`numindai/nuextract-platform-sdk` models, last published
 * with the org endpoints at commit a3b7fe7). Every key the vendor marks required stays required.
 */

/** `OrganizationResponse`: the only org fields NuMind has. */
export const NumindOrganizationWire = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
});
export type NumindOrganizationWire = z.infer<typeof NumindOrganizationWire>;

/** `GET /api/organizations`: a bare array, no pagination envelope. */
export const NumindOrganizationListWire = z.array(NumindOrganizationWire);

/** `MemberResponse`: the name key is camelCase `displayName`; `roles` is optional and free-form. */
export const NumindMemberWire = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.string(),
  email: z.string(),
  roles: z.optional(z.array(z.string())),
});
export type NumindMemberWire = z.infer<typeof NumindMemberWire>;

/** `GET …/members`: a bare array, no pagination. */
export const NumindMemberListWire = z.array(NumindMemberWire);

/** `InvitationResponse`: pending invitations only, so there is no status (and no dates). */
export const NumindInvitationWire = z.object({
  id: z.string().check(z.minLength(1)),
  email: z.string(),
  roles: z.optional(z.array(z.string())),
});
export type NumindInvitationWire = z.infer<typeof NumindInvitationWire>;

/** `GET …/members/invitations`: a bare array, no pagination. */
export const NumindInvitationListWire = z.array(NumindInvitationWire);

/** `Error`: the body of every non-400 error. */
export const NumindErrorWire = z.object({
  code: z.string(),
  message: z.string(),
});

/** `CreateOrganizationRequest`. */
export interface NumindCreateOrganizationWire {
  name: string;
}

/** `UpdateOrganizationRequest`: a PUT, so the whole record. */
export interface NumindUpdateOrganizationWire {
  name: string;
}

/** `InviteMemberRequest`: the email is all NuMind takes (no role, no name). */
export interface NumindInviteMemberWire {
  email: string;
}
