import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/auth/password';
import { ConsoleUserConfig, parseConfig } from '../server/config';
import { runScript } from './run-script';

describe('npm run user:add', () => {
  it('reads a piped password and prints a user the config accepts, whose hash verifies', async () => {
    const password = 'correct horse battery staple';
    const result = await runScript(
      'scripts/user-add.ts',
      ['--username', 'ann', '--role', 'admin', '--name', 'Ann Lee'],
      { input: `${password}\n` },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const user = ConsoleUserConfig.parse(JSON.parse(lines[0] ?? ''));
    expect(user).toMatchObject({ username: 'ann', name: 'Ann Lee', role: 'admin' });
    expect(() =>
      parseConfig({ console: { signIn: 'required', users: [user] } }, 'user:add output'),
    ).not.toThrow();
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect(await verifyPassword('not the password', user.passwordHash)).toBe(false);
    // The password itself is printed nowhere.
    expect(result.stdout + result.stderr).not.toContain(password);
  }, 60_000);

  it('names the user after the username without --name, and salts every hash', async () => {
    const run = () =>
      runScript('scripts/user-add.ts', ['--username', 'vic', '--role', 'viewer'], {
        input: 'viewer-password-1\n',
      });
    const [first, second] = await Promise.all([run(), run()]);
    const a = ConsoleUserConfig.parse(JSON.parse(first.stdout));
    const b = ConsoleUserConfig.parse(JSON.parse(second.stdout));
    expect(a).toMatchObject({ username: 'vic', name: 'vic', role: 'viewer' });
    expect(a.passwordHash).not.toBe(b.passwordHash);
  }, 60_000);

  it('refuses a short password, an unknown role and a missing username, printing no user', async () => {
    const short = await runScript('scripts/user-add.ts', ['--username', 'ann', '--role', 'admin'], {
      input: 'short\n',
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect(short.stdout).toBe('');

    const role = await runScript('scripts/user-add.ts', ['--username', 'ann', '--role', 'owner'], {
      input: 'long-enough-password\n',
    });
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/role/);
    expect(role.stdout).toBe('');

    const nameless = await runScript('scripts/user-add.ts', ['--role', 'admin'], { input: 'x\n' });
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('--username is required');
  }, 60_000);
});
