import 'server-only';
import { dueUnder, impactPage, stageImpact } from '@/db/queries/impact-stage';
import { versionInForce } from '@/db/queries/parameters';
import { getDb } from '@/db/index';
import { impactTally, type Impact } from './impact';
import { trustParameters, type Parameters } from './parameters';
import { applyChanges } from './votes';

const BUYERS_PER_PAGE = 5000;

/**
 * A proposal's impact on today's data: the version in force against it with the changes applied.
 * One repeatable-read transaction so both sides see the same ratings; every buyer's evidence is
 * staged in the database and counted a page at a time, so memory stays bounded.
 */
export async function previewImpact(changes: Partial<Parameters>): Promise<Impact | null> {
  return getDb().transaction(
    async (tx) => {
      const current = (await versionInForce(tx)).params;
      const proposed = applyChanges(current, changes);
      if (!proposed) return null;
      await stageImpact(current.repeatedRatings, proposed.repeatedRatings, tx);
      const tally = impactTally(trustParameters(current), trustParameters(proposed));
      const sameRule = proposed.repeatedRatings === current.repeatedRatings;
      for (let after: string | null = null; ; ) {
        const page = await impactPage(after, BUYERS_PER_PAGE, sameRule, tx);
        if (page.length === 0) break;
        for (const row of page) tally.add(row.before, row.after);
        after = page.at(-1)!.id;
      }
      const due = await dueUnder(current.releaseThreshold, proposed.releaseThreshold, tx);
      return tally.result(due.before, due.after);
    },
    { isolationLevel: 'repeatable read' },
  );
}
