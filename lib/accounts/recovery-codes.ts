import 'server-only';
import type { Executor } from '@/db/index';
import { listRecoveryHashes, replaceRecoveryCodes, consumeRecoveryCode } from '@/db/queries/recovery-codes';
import { normaliseCode, randomCode } from '@/lib/crypto';
import { hashSecret, verifyAgainstNothing, verifySecret } from '@/lib/passwords';

export const RECOVERY_CODE_COUNT = 8;

export interface NewRecoveryCodes {
  /** Shown to the person once, never stored. */
  codes: string[];
  hashes: string[];
}

export async function newRecoveryCodes(): Promise<NewRecoveryCodes> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomCode());
  return { codes, hashes: await Promise.all(codes.map((code) => hashSecret(normaliseCode(code)))) };
}

/** Replaces any earlier set: only the argon2id hashes are kept. */
export async function storeRecoveryCodes(userId: string, fresh: NewRecoveryCodes, db?: Executor) {
  await replaceRecoveryCodes(userId, fresh.hashes, db);
  return fresh.codes;
}

/**
 * Uses up the matching code; false when none matches (or a parallel request used it first).
 * Always spends RECOVERY_CODE_COUNT hash checks, so timing tells neither which code matched
 * nor how many are left.
 */
export async function redeemRecoveryCode(userId: string, input: string): Promise<boolean> {
  const code = normaliseCode(input);
  const stored = await listRecoveryHashes(userId);
  let match: string | null = null;
  for (const { id, codeHash } of stored) {
    if ((await verifySecret(codeHash, code)) && !match) match = id;
  }
  await recoveryWorkWithoutAccount(code, RECOVERY_CODE_COUNT - stored.length);
  return match ? consumeRecoveryCode(userId, match) : false;
}

/** The same hashing work as checking a full set of codes, for pseudonyms without an account. */
export async function recoveryWorkWithoutAccount(input: string, checks = RECOVERY_CODE_COUNT): Promise<false> {
  for (let i = 0; i < checks; i++) await verifyAgainstNothing(input);
  return false;
}
