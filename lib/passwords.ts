import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashing is the costliest thing a request can ask for (and 19 MiB each): at most one per core
 * at a time, a bounded queue behind them, and a refusal beyond it, so a burst of sign-ins
 * cannot exhaust memory or starve every other request.
 */
export const HASHING_AT_ONCE = Math.max(1, availableParallelism());
export const HASHING_QUEUE = 64;

/** The hashing queue is full: the caller answers "busy, try again shortly". */
export class HashingBusy extends Error {
  constructor() {
    super('password hashing queue is full');
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING_AT_ONCE) {
    if (waiting.length >= HASHING_QUEUE) throw new HashingBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashSecret(secret: string): Promise<string> {
  return limited(() => hash(secret, OPTIONS));
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  return limited(async () => {
    try {
      return await verify(hashed, secret);
    } catch {
      return false;
    }
  });
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same work as a real check and answers false: used for unknown pseudonyms so
 * that timing does not tell whether an account exists.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  dummy ??= hashSecret('no account has this password hash');
  // A refused first hash (queue full) must not stay cached as the dummy forever.
  const hashed = await dummy.catch((e: unknown) => {
    dummy = undefined;
    throw e;
  });
  await verifySecret(hashed, secret);
  return false;
}

/** How many hashing jobs run and wait (for tests and the threat model's proof). */
export function hashingLoad() {
  return { running, waiting: waiting.length };
}
