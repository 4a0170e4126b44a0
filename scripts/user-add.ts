/**
 * npm run user:add -- <username> [--name "Display name"] [--admin]
 *
 * Makes an editor account in the record's store (the embedded one, or DATABASE_URL). The password is
 * asked for twice without echo on a terminal, or read from the first line of standard input when
 * piped (for provisioning scripts); at least 12 characters. There is no default account or password.
 */
import { createInterface } from 'node:readline';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../server/src/access/passwords';
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';
import { openStore } from '../server/src/store/open-store';

function fail(message: string): never {
  console.error(`user:add: ${message}`);
  process.exit(1);
}

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
  const config = readConfig();
  if (config.recordSource === 'files') fail('BORDER_ATLAS_RECORD_SOURCE=files is read-only: accounts live in the store');
  const db = await openStore(config, () => loadRecord(config));
  try {
    const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [username]);
    if (taken.length > 0) fail(`there is already a user "${username}"`);
    await db.query('INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)', [
      username,
      name,
      await hashPassword(password),
      role,
    ]);
    console.log(`user:add: ${role} "${username}" (${name}) can now sign in`);
  } finally {
    await db.close();
  }
}

await main();
