import { Hono } from 'hono';
import type { SandboxContext, SandboxVendor } from '../../vendor';

// Placeholder until the Kinde emulator lands (being written now).
export function createKindeSandbox(_ctx: SandboxContext): SandboxVendor {
  const app = new Hono();
  return {
    mount: 'kinde',
    app,
    error: (status, message) => Response.json({ message }, { status }),
    rateLimited: () => Response.json({}, { status: 429 }),
  };
}
