import { Hono } from 'hono';
import type { SandboxContext, SandboxVendor } from '../../vendor';

// Placeholder until the Numind emulator lands (being written now).
export function createNumindSandbox(_ctx: SandboxContext): SandboxVendor {
  const app = new Hono();
  return {
    mount: 'numind',
    app,
    error: (status, message) => Response.json({ message }, { status }),
    rateLimited: () => Response.json({}, { status: 429 }),
  };
}
