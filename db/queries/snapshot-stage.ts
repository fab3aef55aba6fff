import 'server-only';
import { sql } from 'drizzle-orm';
import type { RepeatedRule } from '@/lib/governance/parameters';
import { queryRows } from '../client';
import type { Executor } from '../index';
import { evidenceOf, stageEvidence, type BuyerEvidence, type EvidenceRow } from './evidence';

// The weekly release's working tables, in the release's transaction (dropped at its commit): the
// people due and every buyer's evidence and influence stay in the database, and the job reads them
// a page at a time, so its memory does not grow with the number of buyers.

/**
 * Stages a release: who is due (DESIGN.md, "Anti-retaliation": at least k new ratings from at
 * least k distinct raters still on the service since the last release, as isReleaseDue in
 * lib/disclosure/release.ts says for one person; over ratings_unreleased_idx), every buyer's
 * evidence under the rule in force, and an empty table for their influence.
 */
export async function stageRelease(k: number, rule: RepeatedRule, tx: Executor): Promise<void> {
  await tx.execute(sql`
    create temp table snapshot_due on commit drop as
    select r.ratee_id as user_id, u.role::text as role
    from ratings r join users u on u.id = r.ratee_id
    where not r.released
    group by r.ratee_id, u.role
    having count(*) >= ${k}::int and count(distinct r.rater_id) >= ${k}::int`);
  await tx.execute(sql`create temp table snapshot_influence (buyer_id uuid primary key, influence float8 not null) on commit drop`);
  await stageEvidence('snapshot_evidence', rule, tx);
}

/** The next page of buyers' evidence after `after` (by id), each with whether a release is due. */
export async function evidencePage(after: string | null, size: number, tx: Executor): Promise<(BuyerEvidence & { due: boolean })[]> {
  const rows = await queryRows<EvidenceRow & { due: boolean }>(tx, sql`
    select e.*, d.user_id is not null as due
    from snapshot_evidence e left join snapshot_due d on d.user_id = e.buyer_id
    where ${after === null ? sql`true` : sql`e.buyer_id > ${after}::uuid`}
    order by e.buyer_id limit ${size}::int`);
  return rows.map((r) => ({ ...evidenceOf(r), due: r.due === true }));
}

export async function saveInfluence(rows: { buyerId: string; influence: number }[], tx: Executor): Promise<void> {
  if (rows.length === 0) return;
  const batch = JSON.stringify(rows.map((r) => ({ buyer_id: r.buyerId, influence: r.influence })));
  await tx.execute(sql`
    insert into snapshot_influence (buyer_id, influence)
    select buyer_id, influence from jsonb_to_recordset(${batch}::jsonb) as t(buyer_id uuid, influence float8)`);
}

/** The sellers due a release (a few thousand at most: one id each). */
export async function dueSellers(tx: Executor): Promise<string[]> {
  return (await queryRows<{ user_id: string }>(tx, sql`select user_id from snapshot_due where role = 'seller' order by user_id`)).map((r) => r.user_id);
}

/**
 * The buyer→seller ratings of some sellers, each with its rater's influence (0 for a deleted or
 * never-rated buyer): an indexed range per seller (ratings_ratee_idx), never a scan.
 */
export async function sellerRatingsWithInfluence(sellerIds: string[], tx: Executor) {
  if (sellerIds.length === 0) return [];
  const rows = await queryRows<{ seller_id: string; rater_id: string | null; safe: boolean | null; reliable: boolean | null; created_on: string; id: string; influence: number | null }>(
    tx,
    sql`
      select r.ratee_id as seller_id, r.rater_id, r.safe, r.reliable, r.created_on::text as created_on, r.id, i.influence
      from ratings r left join snapshot_influence i on i.buyer_id = r.rater_id
      where r.ratee_id = any(${`{${sellerIds.join(',')}}`}::uuid[]) and r.direction = 'buyer_rates_seller'`,
  );
  return rows.map((r) => ({ sellerId: r.seller_id, raterId: r.rater_id, safe: r.safe, reliable: r.reliable, createdOn: r.created_on, id: r.id, influence: Number(r.influence ?? 0) }));
}

/** Every pending rating of the people just released is counted now; returns how many buyers and sellers. */
export async function markDueReleased(tx: Executor): Promise<{ buyers: number; sellers: number }> {
  await tx.execute(sql`update ratings r set released = true from snapshot_due d where r.ratee_id = d.user_id and not r.released`);
  const [row] = await queryRows<{ buyers: number; sellers: number }>(tx, sql`
    select count(*) filter (where role = 'buyer')::int as buyers, count(*) filter (where role = 'seller')::int as sellers from snapshot_due`);
  return { buyers: Number(row?.buyers ?? 0), sellers: Number(row?.sellers ?? 0) };
}
