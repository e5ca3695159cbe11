/**
 * npm run user:add -- --username ann --role admin [--name "Ann Lee"]
 *
 * Asks for the password (without echo on a terminal, or reads one line from stdin when piped)
 * and prints the JSON line to paste into `console.users` of the config file. Writes nothing
 * anywhere else.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/auth/password';
import { ConsoleUserConfig } from '../server/config';

const MIN_PASSWORD_LENGTH = 12;

function fail(message: string): never {
  process.stderr.write(`user:add: ${message}\n`);
  process.exit(1);
}

/** Reads a line from a terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdinLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const username = values.username ?? fail('--username is required');
  const role = values.role ?? fail('--role is required (viewer, support or admin)');
  const identity = ConsoleUserConfig.pick({ username: true, name: true, role: true }).safeParse({
    username,
    name: values.name ?? username,
    role,
  });
  if (!identity.success) {
    const issue = identity.error.issues[0];
    fail(`${issue?.path.join('.') ?? 'user'}: ${issue?.message ?? 'invalid'}`);
  }

  let password: string;
  if (process.stdin.isTTY) {
    password = await promptHidden(`Password for ${username}: `);
    const again = await promptHidden('Again: ');
    if (password !== again) fail('the passwords differ');
  } else {
    password = await readStdinLine();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    fail(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }

  const user = { ...identity.data, passwordHash: await hashPassword(password) };
  process.stderr.write('Add this line to "console": { "users": [ … ] } in your config file:\n');
  process.stdout.write(`${JSON.stringify(user)}\n`);
}

void main();
