import 'server-only';
import { sql } from 'drizzle-orm';
import type { RepeatedRule } from '@/lib/governance/parameters';
import type { BuyerCounts } from '@/lib/trust';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { buyerCounters } from '../schema';

export type BuyerEvidence = BuyerCounts & { buyerId: string };

/**
 * Every buyer's flag counts under the repeated-ratings rule. 'every' is the counters (one row per
 * buyer). 'latest_per_rater' needs each rater's latest rating, which the counters and the
 * per-pair counts do not keep: it reads the seller→buyer ratings (one pass, for the weekly
 * snapshot and the impact preview, not the live look-up). A rater whose ratings of a buyer have
 * all been folded (older than the retention window, no dates kept) counts as one rating carrying
 * her folded share of "no" flags, since which of them was the latest is no longer known.
 */
export async function allBuyerEvidence(rule: RepeatedRule, db: Executor = getDb()): Promise<BuyerEvidence[]> {
  if (rule === 'every') return db.select({ buyerId: buyerCounters.buyerId, ratings: buyerCounters.ratings, safeYes: buyerCounters.safeYes, safeNo: buyerCounters.safeNo, reliableYes: buyerCounters.reliableYes, reliableNo: buyerCounters.reliableNo }).from(buyerCounters);
  return (await queryRows<EvidenceRow>(db, evidenceQuery(rule))).map(evidenceOf);
}

export type EvidenceRow = { buyer_id: string; ratings: number; safe_yes: number; safe_no: number; reliable_yes: number; reliable_no: number };

export const evidenceOf = (r: EvidenceRow): BuyerEvidence => ({
  buyerId: r.buyer_id,
  ratings: Number(r.ratings),
  safeYes: Number(r.safe_yes),
  safeNo: Number(r.safe_no),
  reliableYes: Number(r.reliable_yes),
  reliableNo: Number(r.reliable_no),
});

/**
 * Computes the evidence under a rule once into a temporary table of the caller's transaction
 * (dropped at its commit), for jobs that then read it a page at a time: memory that does not grow
 * with the number of buyers.
 */
export async function stageEvidence(table: 'snapshot_evidence' | 'impact_before' | 'impact_after', rule: RepeatedRule, tx: Executor) {
  await tx.execute(sql`
    create temp table ${sql.identifier(table)} (
      buyer_id uuid primary key, ratings int not null, safe_yes float8 not null, safe_no float8 not null, reliable_yes float8 not null, reliable_no float8 not null
    ) on commit drop`);
  await tx.execute(sql`insert into ${sql.identifier(table)} ${evidenceQuery(rule)}`);
}

/** The evidence as one query (columns buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no), for either rule. */
export function evidenceQuery(rule: RepeatedRule) {
  if (rule === 'every') return sql`select buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no from buyer_counters`;
  return sql`
    with live as (
      select distinct on (ratee_id, coalesce(rater_id, departed_rater))
        ratee_id as buyer_id, coalesce(rater_id, departed_rater) as rater,
        case when safe is null then null when safe then 0.0 else 1.0 end::float8 as safe_no,
        case when reliable is null then null when reliable then 0.0 else 1.0 end::float8 as reliable_no
      from ratings
      where direction = 'seller_rates_buyer' and (safe is not null or reliable is not null)
      order by ratee_id, coalesce(rater_id, departed_rater), created_on desc, id desc
    ),
    folded as (
      select f.buyer_id, f.rater_key as rater,
        case when f.safe_yes + f.safe_no > 0 then f.safe_no::float8 / (f.safe_yes + f.safe_no) end as safe_no,
        case when f.reliable_yes + f.reliable_no > 0 then f.reliable_no::float8 / (f.reliable_yes + f.reliable_no) end as reliable_no
      from buyer_folds f
      where f.ratings > 0 and not exists (select 1 from live l where l.buyer_id = f.buyer_id and l.rater = f.rater_key)
    ),
    one_each as (select * from live union all select * from folded)
    select buyer_id, count(*)::int as ratings,
      coalesce(sum(1 - safe_no), 0)::float8 as safe_yes, coalesce(sum(safe_no), 0)::float8 as safe_no,
      coalesce(sum(1 - reliable_no), 0)::float8 as reliable_yes, coalesce(sum(reliable_no), 0)::float8 as reliable_no
    from one_each group by buyer_id`;
}
