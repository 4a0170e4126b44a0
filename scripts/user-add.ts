/**
 * npm run user:add -- <username> [--name "Display name"] [--admin]
 *
 * Makes an editor account in the record's store (the embedded one — through the running server if there is
 * one — or DATABASE_URL). The password is
 * asked for twice without echo on a terminal, or read from the first line of standard input when
 * piped (for provisioning scripts); at least 12 characters. There is no default account or password.
 */
import { createInterface } from 'node:readline';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../server/src/access/passwords';
import { AdminError } from '../server/src/admin/admin-operations';
import { adminTarget, fail as failAs } from './store-admin';

const fail: (message: string) => never = (message) => failAs('user:add', message);

function parseArguments(args: string[]) {
  let username: string | undefined;
  let name: string | undefined;
  let admin = false;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--name') name = args[++i];
    else if (args[i] === '--admin') admin = true;
    else if (args[i].startsWith('--')) fail(`unknown option ${args[i]}`);
    else if (username === undefined) username = args[i];
    else fail(`unexpected argument ${args[i]}`);
  }
  if (!username || !/^[a-z0-9][a-z0-9._-]{1,39}$/.test(username)) {
    fail('give a username: 2–40 lowercase letters, digits, ".", "_" or "-" (npm run user:add -- <username> [--name "…"] [--admin])');
  }
  return { username, name: name?.trim() || username, role: admin ? ('admin' as const) : ('editor' as const) };
}

/** One line from standard input; on a terminal, typed without echo. */
function readSecret(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const terminal = process.stdin.isTTY;
    const lines = createInterface({ input: process.stdin, output: process.stdout, terminal });
    if (terminal) {
      process.stdout.write(prompt);
      // Typed characters are not echoed.
      (lines as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    }
    lines.once('line', (line) => {
      // Resolved before closing: closing emits 'close', which would answer '' first.
      resolve(line);
      lines.close();
      if (terminal) process.stdout.write('\n');
    });
    lines.once('close', () => resolve(''));
  });
}

async function main() {
  const { username, name, role } = parseArguments(process.argv.slice(2));
  const password = await readSecret('Password: ');
  if (process.stdin.isTTY && (await readSecret('Again: ')) !== password) fail('the two passwords differ');
  if (password.length < MIN_PASSWORD_LENGTH) fail(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  // Hashed here, not in the server: the running server never sees the password.
  const passwordHash = await hashPassword(password);
  const target = await adminTarget('user:add');
  try {
    await target.operations.addUser({ username, displayName: name, role, passwordHash });
    console.log(`user:add: ${role} "${username}" (${name}) can now sign in (${target.where})`);
  } catch (error) {
    console.error(`user:add: ${error instanceof AdminError ? error.message : `could not add the user: ${(error as Error).message}`}`);
    process.exitCode = 1;
  } finally {
    await target.close();
  }
}

await main();
