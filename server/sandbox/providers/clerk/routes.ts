import { Hono } from 'hono';
import type { SandboxContext, SandboxVendor } from '../../vendor';

// Placeholder until the Clerk emulators land (being written now).
export function createClerkSandboxes(_ctx: SandboxContext): SandboxVendor[] {
  return ['clerk', 'clerk-frontend'].map((mount) => ({
    mount,
    app: new Hono(),
    error: (status: number, message: string) => Response.json({ message }, { status }),
    rateLimited: () => Response.json({}, { status: 429 }),
  }));
}
