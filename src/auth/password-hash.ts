/**
 * Password hashing with argon2id (@node-rs/argon2, native, runs off the JS thread). Parameters are
 * OWASP's first recommendation (19 MiB, 2 passes); the PHC string carries them, so they can be raised
 * later without invalidating stored hashes.
 */
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether the password matches the stored hash (false for a malformed hash, never a throw). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification for a login that does not exist, so the answer time does not
 * tell whether a login name is in use.
 */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword('gongkai-dummy-password-Aa1!');
  await verifyPassword(await dummy, password);
}
