import 'server-only';
import type { Executor } from '@/db/index';
import { listRecoveryHashes, replaceRecoveryCodes, consumeRecoveryCode } from '@/db/queries/recovery-codes';
import { normaliseCode, randomCode } from '@/lib/crypto';
import { hashSecret, verifySecret } from '@/lib/passwords';

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

/** Uses up the matching code; false when none matches (or a parallel request used it first). */
export async function redeemRecoveryCode(userId: string, input: string): Promise<boolean> {
  const code = normaliseCode(input);
  for (const { id, codeHash } of await listRecoveryHashes(userId)) {
    if (await verifySecret(codeHash, code)) return consumeRecoveryCode(userId, id);
  }
  return false;
}
