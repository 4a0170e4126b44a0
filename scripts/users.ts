/**
 * Editors' accounts, from the command line (the embedded store — through the running server if there is
 * one — or DATABASE_URL); accounts are made with npm run user:add.
 *
 *   npm run user:list                              every account, its role and how many sessions it has open
 *   npm run user:remove -- <username>              removes the account and signs it out everywhere at once
 *                                                  (what the editor recorded keeps their name in the change log)
 *   npm run user:signout -- <username> | --all     ends the user's sessions (or everyone's): they must sign in again
 */
import { AdminError } from '../server/src/admin/admin-operations';
import { adminTarget } from './store-admin';

const [command, ...args] = process.argv.slice(2);
const name = `user:${command}`;
const usage = 'usage: npm run user:list | user:remove -- <username> | user:signout -- <username> | --all';
if (!['list', 'remove', 'signout'].includes(command ?? '')) {
  console.error(`users: ${usage}`);
  process.exit(1);
}
if (command !== 'list' && args.length !== 1) {
  console.error(`${name}: ${usage}`);
  process.exit(1);
}
const target = await adminTarget(name);
try {
  if (command === 'list') {
    const users = await target.operations.listUsers();
    if (users.length === 0) console.log('user:list: no accounts (npm run user:add -- <username> makes one)');
    for (const user of users) {
      console.log(`${user.username}\t${user.role}\t${user.displayName}\t${user.sessions} session(s)\tsince ${user.createdAt.slice(0, 10)}`);
    }
  } else if (command === 'remove') {
    const { sessions } = await target.operations.removeUser(args[0]);
    console.log(`user:remove: "${args[0]}" removed, ${sessions} session(s) ended (${target.where})`);
  } else {
    const everyone = args[0] === '--all';
    const { sessions } = await target.operations.revokeSessions(everyone ? null : args[0]);
    console.log(`user:signout: ${sessions} session(s) of ${everyone ? 'every user' : `"${args[0]}"`} ended (${target.where})`);
  }
} catch (error) {
  console.error(`${name}: ${error instanceof AdminError ? error.message : (error as Error).message}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
