import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import pLimit from 'p-limit';

/** scrypt, memory-hard: N = 2^15, r = 8, p = 1 — 32 MiB and ~0.3 s a hash on this machine. */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
export const MIN_PASSWORD_LENGTH = 12;

/**
 * scrypt runs on libuv's thread pool (4 threads), which every file read (static files, the basemap) also
 * waits for: 200 failed sign-ins at once kept index.html waiting 44 s. One hash at a time in this process,
 * the others wait their turn here (sign-in-budget.ts bounds how many), so the pool always has threads
 * for files — and hashing takes 32 MiB at a time, not 32 MiB per attempt.
 */
const HASH_CONCURRENCY = 1;
const hashing = pLimit(HASH_CONCURRENCY);
/**
 * Strangers' checks (sign-ins not from a browser known for that user, access/known-browsers.ts) enter the
 * queue above one at a time: a known browser's check, and an admin's new password, wait behind at most one
 * stranger's however many strangers wait — a flood cannot keep an editor's usual browser waiting.
 */
const strangers = pLimit(1);

/** Where a hash queues: a stranger's sign-in behind the other strangers'; a known browser's, or an admin's new password, ahead of them. */
export type HashTurn = 'ahead of strangers' | 'stranger';

/**
 * Hashes waiting for their turn (not counting the one running): in all, or in the line a new hash of `turn`
 * joins — strangers' own line, or the one in front of the hashing itself.
 */
export function hashesWaiting(turn?: HashTurn): number {
  if (turn === 'ahead of strangers') return hashing.pendingCount;
  if (turn === 'stranger') return strangers.pendingCount;
  return hashing.pendingCount + strangers.pendingCount;
}

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }, turn: HashTurn): Promise<Buffer> {
  const hash = () =>
    hashing(
      () =>
        new Promise<Buffer>((resolve, reject) =>
          scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
            error ? reject(error) : resolve(key),
          ),
        ),
    );
  return turn === 'stranger' ? strangers(hash) : hash();
}

/** "scrypt$N$r$p$salt$key" (base64url): the parameters are stored with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(32);
  const key = await derive(password, salt, PARAMETERS, 'ahead of strangers');
  return ['scrypt', PARAMETERS.N, PARAMETERS.r, PARAMETERS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string, turn: HashTurn): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) }, turn);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password hash of nothing anyone knows: compared against when the user does not exist, so both cases take as long. */
export const UNUSABLE_HASH = `scrypt$${PARAMETERS.N}$${PARAMETERS.r}$${PARAMETERS.p}$${randomBytes(32).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;
