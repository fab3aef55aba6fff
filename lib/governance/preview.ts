import 'server-only';
import { dueUnder, impactPage, stageImpact } from '@/db/queries/impact-stage';
import { storedPreview, storePreview } from '@/db/queries/proposal-previews';
import { versionInForce } from '@/db/queries/parameters';
import { listProposals } from '@/db/queries/votes';
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
  return (await countImpact(changes)).impact;
}

/**
 * The vote page's preview: counted at most once a day per proposal and version in force (the
 * daily job counts the open ones ahead), then read; every buyer is not read on every view.
 */
export async function proposalImpact(proposalId: string, changes: Partial<Parameters>): Promise<Impact | null> {
  const stored = await storedPreview(proposalId, (await versionInForce()).version);
  return stored ? (stored.impact as Impact | null) : countAndStore(proposalId, changes);
}

async function countAndStore(proposalId: string, changes: Partial<Parameters>): Promise<Impact | null> {
  const { version, impact } = await countImpact(changes);
  await storePreview(proposalId, version, impact);
  return impact;
}

/**
 * The server's timer: today's preview of every proposal not yet decided, counted ahead of the
 * first view (a no-op for those already counted today). Returns how many were counted.
 */
export async function countUndecidedPreviews(): Promise<number> {
  let counted = 0;
  const version = (await versionInForce()).version;
  for (const p of await listProposals()) {
    if (p.status === 'closed' || (await storedPreview(p.id, version))) continue;
    await countAndStore(p.id, p.changes);
    counted++;
  }
  return counted;
}

async function countImpact(changes: Partial<Parameters>): Promise<{ version: number; impact: Impact | null }> {
  return getDb().transaction(
    async (tx) => {
      const inForce = await versionInForce(tx);
      const current = inForce.params;
      const proposed = applyChanges(current, changes);
      if (!proposed) return { version: inForce.version, impact: null };
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
      return { version: inForce.version, impact: tally.result(due.before, due.after) };
    },
    { isolationLevel: 'repeatable read' },
  );
}
