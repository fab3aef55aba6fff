import 'server-only';
import { allBuyerEvidence } from '@/db/queries/evidence';
import { versionInForce } from '@/db/queries/parameters';
import { pendingRatings } from '@/db/queries/snapshots';
import { getDb } from '@/db/index';
import { impactOf, type Impact } from './impact';
import { trustParameters, type Parameters } from './parameters';
import { applyChanges } from './votes';

/**
 * A proposal's impact on today's data: the version in force against it with the changes applied.
 * One repeatable-read transaction so both sides see the same ratings.
 */
export async function previewImpact(changes: Partial<Parameters>): Promise<Impact | null> {
  return getDb().transaction(
    async (tx) => {
      const current = (await versionInForce(tx)).params;
      const proposed = applyChanges(current, changes);
      if (!proposed) return null;
      const evidence = async (p: Parameters) => new Map((await allBuyerEvidence(p.repeatedRatings, tx)).map((e) => [e.buyerId, e]));
      const before = await evidence(current);
      const after = proposed.repeatedRatings === current.repeatedRatings ? before : await evidence(proposed);
      return impactOf(
        { counts: before, trust: trustParameters(current), releaseThreshold: current.releaseThreshold },
        { counts: after, trust: trustParameters(proposed), releaseThreshold: proposed.releaseThreshold },
        await pendingRatings(tx),
      );
    },
    { isolationLevel: 'repeatable read' },
  );
}
