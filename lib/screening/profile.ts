import 'server-only';
import { findPublicSeller } from '@/db/queries/snapshots';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import type { DisclosedScore } from '@/lib/disclosure/coarse';
import { confidenceString } from '@/lib/trust';

export interface PublicSellerProfile {
  pseudonym: string;
  /** Month only: "2026-11". */
  memberSince: string;
  /** Her last release (null before the first one): rounded, banded, never the live score. */
  score: (DisclosedScore & { confidence: string | null }) | null;
  snapshotOn: string | null;
}

/** Minimal public verification of a seller; null for anyone who is not a seller. */
export async function publicSellerProfile(pseudonym: string): Promise<PublicSellerProfile | null> {
  const parsed = pseudonymSchema.safeParse(pseudonym);
  if (!parsed.success) return null;
  const row = await findPublicSeller(pseudonymKey(parsed.data));
  if (!row) return null;
  const score = row.score as DisclosedScore | null;
  return {
    pseudonym: row.pseudonym,
    memberSince: row.memberSince.slice(0, 7),
    score: score ? { ...score, confidence: confidenceString(score.safetyInterval) } : null,
    snapshotOn: row.takenOn,
  };
}
