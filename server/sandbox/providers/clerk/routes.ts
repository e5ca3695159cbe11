import type { SandboxContext, SandboxVendor } from '../../vendor';
import { createClerkBackendSandbox } from './backend-routes';
import { createClerkFrontendSandbox } from './frontend-routes';
import { createClerkInstance } from './instance';

/**
 * One Clerk instance behind two APIs: the Backend API at `/sandbox/clerk` and the Frontend API
 * at `/sandbox/clerk-frontend`, sharing the `clerk` state slice.
 */
export function createClerkSandboxes(ctx: SandboxContext): SandboxVendor[] {
  const instance = createClerkInstance(ctx);
  return [createClerkBackendSandbox(instance), createClerkFrontendSandbox(instance)];
}
