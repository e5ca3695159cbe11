import type { SandboxContext } from '../../vendor';
import { requestOrigin } from '../../vendor';
import { putDefaultImages, type DefaultImages } from './images';
import { countByOrg, type OrgCounts, type WireContext } from './serialize';
import { seedClerk, type ClerkState } from './state';

/** The one Clerk instance both sandbox APIs serve: the `clerk` state slice and its images. */
export interface ClerkInstance {
  readonly ctx: SandboxContext;
  state(): ClerkState;
  /** Call after every mutation, so the store persists it. */
  changed(): void;
  /** Member and pending-invitation counts per org, as of now. */
  counts(): OrgCounts;
  /** What serialisers need from a request: its origin and the default image ids. */
  wire(c: { req: { url: string } }): Promise<WireContext>;
}

export function createClerkInstance(ctx: SandboxContext): ClerkInstance {
  const slice = ctx.store.register<ClerkState>({ name: 'clerk', version: 3, seed: seedClerk });
  let images: Promise<DefaultImages> | null = null;
  return {
    ctx,
    state: () => slice.state,
    changed: () => ctx.store.changed(),
    counts: () => countByOrg(slice.state, ctx.now()),
    async wire(c) {
      images ??= putDefaultImages(ctx.images).catch((error: unknown) => {
        images = null;
        throw error;
      });
      return { origin: requestOrigin(c), images: await images };
    },
  };
}
