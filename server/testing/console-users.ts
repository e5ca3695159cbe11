import type { ConsoleRole } from '../../src/api/operations';
import { hashPassword } from '../auth/password';
import type { ConsoleUser } from '../config';

/** A configured console user with a cheap hash (tests only: production hashes cost far more). */
export async function consoleUser(
  username: string,
  role: ConsoleRole,
  password: string,
): Promise<ConsoleUser> {
  return {
    id: username,
    name: username.charAt(0).toUpperCase() + username.slice(1),
    role,
    passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }),
    demo: false,
  };
}
