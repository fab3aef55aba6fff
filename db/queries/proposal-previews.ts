import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { proposalPreviews } from '../schema';

/** Today's stored preview of a proposal against this version in force ({ impact } may hold null: no valid change), or undefined. */
export async function storedPreview(proposalId: string, paramsVersion: number, db: Executor = getDb()): Promise<{ impact: unknown } | undefined> {
  const [row] = await db
    .select({ impact: proposalPreviews.impact })
    .from(proposalPreviews)
    .where(and(eq(proposalPreviews.proposalId, proposalId), eq(proposalPreviews.paramsVersion, paramsVersion), sql`${proposalPreviews.computedOn} = current_date`));
  return row;
}

export async function storePreview(proposalId: string, paramsVersion: number, impact: unknown, db: Executor = getDb()): Promise<void> {
  const values = { proposalId, paramsVersion, impact, computedOn: sql`current_date` };
  await db
    .insert(proposalPreviews)
    .values(values)
    .onConflictDoUpdate({ target: proposalPreviews.proposalId, set: { paramsVersion, impact, computedOn: sql`current_date` } });
}
