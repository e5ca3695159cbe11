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
