import 'server-only';
import { findPublicSeller } from '@/db/queries/snapshots';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { confidenceString, type SellerScore } from '@/lib/trust';

export interface PublicSellerProfile {
  pseudonym: string;
  /** Month only: "2026-11". */
  memberSince: string;
  /** The last weekly snapshot (null before the first one), never the live score. */
  score: (SellerScore & { confidence: string | null }) | null;
  snapshotOn: string | null;
}

/** Minimal public verification of a seller; null for anyone who is not a seller. */
export async function publicSellerProfile(pseudonym: string): Promise<PublicSellerProfile | null> {
  const parsed = pseudonymSchema.safeParse(pseudonym);
  if (!parsed.success) return null;
  const row = await findPublicSeller(pseudonymKey(parsed.data));
  if (!row) return null;
  const score = row.score as SellerScore | null;
  return {
    pseudonym: row.pseudonym,
    memberSince: row.memberSince.slice(0, 7),
    score: score ? { ...score, confidence: confidenceString(score.safetyInterval) } : null,
    snapshotOn: row.takenOn,
  };
}
