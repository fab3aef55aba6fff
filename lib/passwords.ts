import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same work as a real check and answers false: used for unknown pseudonyms so
 * that timing does not tell whether an account exists.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  dummy ??= hashSecret('no account has this password hash');
  await verifySecret(await dummy, secret);
  return false;
}
