import 'server-only';
import type { Executor } from '@/db/index';
import { consumeRecoveryCode, recoveryCandidates, replaceRecoveryCodes } from '@/db/queries/recovery-codes';
import { normaliseCode, randomCode } from '@/lib/crypto';
import { hashSecret, verifyAgainstNothing, verifySecret } from '@/lib/passwords';
import { recoveryLookup } from './keys';

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

/** Replaces any earlier set: only the argon2id hashes and the look-up ids are kept. */
export async function storeRecoveryCodes(userId: string, fresh: NewRecoveryCodes, db?: Executor) {
  const rows = fresh.codes.map((code, i) => ({ codeHash: fresh.hashes[i]!, lookup: recoveryLookup(userId, normaliseCode(code)) }));
  await replaceRecoveryCodes(userId, rows, db);
  return fresh.codes;
}

/**
 * Uses up the matching code; false when none matches (or a parallel request used it first).
 * The look-up id picks the one candidate, so an attempt costs one argon2 check whether or not
 * a code matched (codes from before look-up ids: one check each, at most RECOVERY_CODE_COUNT).
 */
export async function redeemRecoveryCode(userId: string, input: string): Promise<boolean> {
  const code = normaliseCode(input);
  const candidates = await recoveryCandidates(userId, recoveryLookup(userId, code));
  if (candidates.length === 0) return recoveryWorkWithoutAccount(code);
  let match: string | null = null;
  for (const { id, codeHash } of candidates) {
    if (!match && (await verifySecret(codeHash, code))) match = id;
  }
  return match ? consumeRecoveryCode(userId, match) : false;
}

/** The same hashing work as checking one code, for pseudonyms without an account. */
export function recoveryWorkWithoutAccount(input: string): Promise<false> {
  return verifyAgainstNothing(normaliseCode(input));
}
