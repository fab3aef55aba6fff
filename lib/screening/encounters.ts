import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { findBuyerId } from '@/db/queries/buyers';
import { findRateableEncounter, insertCode, listSellerCodes } from '@/db/queries/codes';
import { insertSellerRating } from '@/db/queries/ratings';
import type { Outcome } from '@/lib/accounts/errors';
import { crashPoint } from '@/lib/crash-point';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { CODE_DAYS, codeHmac, newCode, openCode, sealCode } from './code-secret';
import { flagsSchema, hasAFlag } from './flags';

export const recordSchema = z
  .object({ buyer: z.string().trim().max(64).optional(), unbound: z.boolean().default(false) })
  .and(flagsSchema);

export type RecordInput = z.input<typeof recordSchema>;

/**
 * Records an encounter: a fresh 6-digit code, bound to the buyer she names unless she chose an
 * unbound code, and her optional rating of that buyer. Returns the code to show once more in
 * her history while it is live.
 */
export async function recordEncounter(
  sellerId: string,
  input: RecordInput,
): Promise<Outcome<{ codeId: string; code: string; expiresOn: string; rated: boolean; ratingRefused: 'alreadyRatedToday' | null }>> {
  const parsed = recordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: { form: 'invalid' } };
  const { buyer, unbound, safe, reliable } = parsed.data;
  let buyerId: string | null = null;
  if (!unbound) {
    const name = pseudonymSchema.safeParse(buyer ?? '');
    if (!name.success) return { ok: false, fieldErrors: { buyer: buyer ? name.error.issues[0]!.message : 'buyerRequired' } };
    buyerId = await findBuyerId(pseudonymKey(name.data));
    if (!buyerId) return { ok: false, fieldErrors: { buyer: 'buyerUnknown' } };
  }
  if (unbound && hasAFlag({ safe, reliable })) return { ok: false, fieldErrors: { form: 'rateUnboundLater' } };

  // The code and her rating in one transaction: a crash between them keeps both or neither.
  return getDb().transaction(async (tx) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = randomUUID();
      const code = newCode();
      const row = await insertCode({ id, sellerId, boundBuyerId: buyerId, codeHmac: codeHmac(code), codeCiphertext: sealCode(code, id), days: CODE_DAYS }, tx);
      if (!row) continue;
      let rated = false;
      let ratingRefused: 'alreadyRatedToday' | null = null;
      if (buyerId && hasAFlag({ safe, reliable })) {
        await crashPoint('encounter-recorded', { codeId: id });
        // A refusal by the daily rule undoes only the rating (a savepoint); the encounter stays,
        // and the answer says so: the rating is never dropped silently.
        const stored = await insertSellerRating({ codeId: id, sellerId, buyerId, safe, reliable }, tx);
        rated = stored === 'ok';
        if (stored === 'daily') ratingRefused = 'alreadyRatedToday';
      }
      return { ok: true as const, codeId: id, code, expiresOn: row.expiresOn, rated, ratingRefused };
    }
    throw new Error('Could not draw a free code');
  });
}

/** Her rating of the buyer of one of her encounters: once, within the code's 30 days. */
export async function rateBuyer(sellerId: string, codeId: string, flags: unknown): Promise<Outcome> {
  const parsed = flagsSchema.safeParse(flags);
  if (!parsed.success || !hasAFlag(parsed.data)) return { ok: false, fieldErrors: { form: 'chooseAFlag' } };
  const encounter = z.uuid().safeParse(codeId).success ? await findRateableEncounter(sellerId, codeId) : null;
  if (!encounter) return { ok: false, formError: 'encounterNotFound' };
  if (!encounter.buyerId) return { ok: false, formError: 'buyerNotKnownYet' };
  const result = await insertSellerRating({ codeId, sellerId, buyerId: encounter.buyerId, ...parsed.data });
  if (result === 'duplicate') return { ok: false, formError: 'alreadyRated' };
  if (result === 'daily') return { ok: false, formError: 'onePerDay' };
  return { ok: true };
}

export type EncounterStatus = 'live' | 'redeemed' | 'expired';

/** Her encounters: status, dates, the buyer when known, whether she rated; live codes shown again. */
export async function sellerHistory(sellerId: string) {
  const rows = await listSellerCodes(sellerId);
  return rows.map((r) => {
    const status: EncounterStatus = r.redeemedOn ? 'redeemed' : r.expired ? 'expired' : 'live';
    return {
      id: r.id,
      status,
      createdOn: r.createdOn,
      expiresOn: r.expiresOn,
      redeemedOn: r.redeemedOn,
      buyer: r.boundBuyer ?? r.redeemedBy,
      bound: r.boundBuyer !== null,
      rated: r.rated,
      canRate: !r.rated && r.buyerKnown && status !== 'expired',
      code: status === 'live' && r.codeCiphertext ? openCode(r.codeCiphertext, r.id) : null,
    };
  });
}
