import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): about 20–40 ms per hash on one core.
// algorithm 2 = Argon2id (a const enum in the package's types, which isolated modules cannot import)
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so that timing does not reveal which names exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-Aa1!');
  return dummy;
}
