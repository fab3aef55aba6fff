import 'server-only';
import { sql } from 'drizzle-orm';
import type { RepeatedRule } from '@/lib/governance/parameters';
import type { BuyerCounts } from '@/lib/trust';
import { queryRows } from '../client';
import type { Executor } from '../index';
import { stageEvidence } from './evidence';

// A proposal's impact preview over every buyer, read a page at a time from evidence staged in the
// preview's transaction (lib/governance/preview.ts): its memory does not grow with the buyers.

/** Stages every buyer's evidence under the rule in force and, if it differs, the proposed one. */
export async function stageImpact(before: RepeatedRule, after: RepeatedRule, tx: Executor): Promise<void> {
  await stageEvidence('impact_before', before, tx);
  if (after !== before) await stageEvidence('impact_after', after, tx);
  // Every buyer on either side, in id order: the pages follow its primary key.
  await tx.execute(sql`create temp table impact_ids (buyer_id uuid primary key) on commit drop`);
  await tx.execute(sql`
    insert into impact_ids select buyer_id from impact_before
    ${after === before ? sql`` : sql`union select buyer_id from impact_after`}`);
}

type Cells = { ratings: number | null; safe_yes: number | null; safe_no: number | null; reliable_yes: number | null; reliable_no: number | null };
const counts = (c: Cells): BuyerCounts | undefined =>
  c.ratings === null ? undefined : { ratings: Number(c.ratings), safeYes: Number(c.safe_yes), safeNo: Number(c.safe_no), reliableYes: Number(c.reliable_yes), reliableNo: Number(c.reliable_no) };

/** The next page of buyers after `after` (by id), with their evidence on each side (undefined: none). */
export async function impactPage(after: string | null, size: number, sameRule: boolean, tx: Executor) {
  const other = sameRule ? sql`impact_before` : sql`impact_after`;
  const rows = await queryRows<{ id: string; b: Cells; a: Cells }>(tx, sql`
    select i.buyer_id as id,
      json_build_object('ratings', b.ratings, 'safe_yes', b.safe_yes, 'safe_no', b.safe_no, 'reliable_yes', b.reliable_yes, 'reliable_no', b.reliable_no) as b,
      json_build_object('ratings', a.ratings, 'safe_yes', a.safe_yes, 'safe_no', a.safe_no, 'reliable_yes', a.reliable_yes, 'reliable_no', a.reliable_no) as a
    from impact_ids i left join impact_before b on b.buyer_id = i.buyer_id left join ${other} a on a.buyer_id = i.buyer_id
    where ${after === null ? sql`true` : sql`i.buyer_id > ${after}::uuid`}
    order by i.buyer_id limit ${size}::int`);
  return rows.map((r) => ({ id: r.id, before: counts(r.b), after: counts(r.a) }));
}

/** How many people would be due a release at the next weekly run under each threshold (as isReleaseDue). */
export async function dueUnder(kBefore: number, kAfter: number, tx: Executor): Promise<{ before: number; after: number }> {
  const [row] = await queryRows<{ before: number; after: number }>(tx, sql`
    select count(*) filter (where n >= ${kBefore}::int and raters >= ${kBefore}::int)::int as before,
           count(*) filter (where n >= ${kAfter}::int and raters >= ${kAfter}::int)::int as after
    from (
      select count(*) as n, count(distinct r.rater_id) as raters
      from ratings r join users u on u.id = r.ratee_id where not r.released group by r.ratee_id
    ) p`);
  return { before: Number(row?.before ?? 0), after: Number(row?.after ?? 0) };
}
