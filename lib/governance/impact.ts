// The impact preview of a proposal on today's data: aggregates only, each suppressed below
// MIN_PEOPLE as on the dashboard (lib/metrics/suppress.ts); never an individual. Pure.
import { isReleaseDue } from '@/lib/disclosure/release';
import { suppressCount } from '@/lib/metrics/suppress';
import { buyerScoreFromCounts, type BuyerCounts, type TrustParameters } from '@/lib/trust';

/** Influence bands: none, then quarters. */
export const INFLUENCE_BANDS = ['none', 'q1', 'q2', 'q3', 'q4'] as const;
export type InfluenceBand = (typeof INFLUENCE_BANDS)[number];

export function influenceBand(i: number): InfluenceBand {
  if (i <= 0) return 'none';
  if (i <= 0.25) return 'q1';
  if (i <= 0.5) return 'q2';
  if (i <= 0.75) return 'q3';
  return 'q4';
}

export type PreviewVerdict = 'warnings' | 'caution' | 'clear' | 'new';

/** The look-up's verdict from the flags that count under a rule (board warnings aside: they do not change). */
export function previewVerdict(c: BuyerCounts): PreviewVerdict {
  return c.safeNo > 0 ? 'warnings' : c.reliableNo > 0 ? 'caution' : c.ratings > 0 ? 'clear' : 'new';
}

export interface Side { counts: Map<string, BuyerCounts>; trust: TrustParameters; releaseThreshold: number }

export interface Impact {
  /** Buyers with at least one rating: the base of every figure below. */
  buyers: number | null;
  verdictChanged: number | null;
  trustChanged: number | null;
  influence: { band: InfluenceBand; before: number | null; after: number | null }[];
  /** People due a new released score at the next weekly run, under each K. */
  dueBefore: number | null;
  dueAfter: number | null;
}

/**
 * The impact counted buyer by buyer (the preview reads them a page at a time): add each buyer's
 * evidence on both sides, then the result with how many would be due a release under each side.
 */
export function impactTally(beforeTrust: TrustParameters, afterTrust: TrustParameters) {
  const empty: BuyerCounts = { ratings: 0, safeYes: 0, safeNo: 0, reliableYes: 0, reliableNo: 0 };
  let rated = 0;
  let verdicts = 0;
  let trusts = 0;
  const bands = new Map<InfluenceBand, [number, number]>(INFLUENCE_BANDS.map((b) => [b, [0, 0]]));
  const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100));
  const own = (n: number) => suppressCount(n, n);
  return {
    add(before: BuyerCounts | undefined, after: BuyerCounts | undefined) {
      const b = before ?? empty;
      const a = after ?? empty;
      if (b.ratings === 0 && a.ratings === 0) return;
      rated++;
      const sb = buyerScoreFromCounts(b, beforeTrust);
      const sa = buyerScoreFromCounts(a, afterTrust);
      if (previewVerdict(b) !== previewVerdict(a)) verdicts++;
      if (r2(sb.trust) !== r2(sa.trust)) trusts++;
      bands.get(influenceBand(sb.influence))![0]++;
      bands.get(influenceBand(sa.influence))![1]++;
    },
    result(dueBefore: number, dueAfter: number): Impact {
      return {
        buyers: own(rated),
        verdictChanged: own(verdicts),
        trustChanged: own(trusts),
        influence: INFLUENCE_BANDS.map((band) => ({ band, before: own(bands.get(band)![0]), after: own(bands.get(band)![1]) })),
        dueBefore: own(dueBefore),
        dueAfter: own(dueAfter),
      };
    },
  };
}

export function impactOf(before: Side, after: Side, pending: readonly { ratings: number; raters: number }[]): Impact {
  const tally = impactTally(before.trust, after.trust);
  for (const id of new Set([...before.counts.keys(), ...after.counts.keys()])) tally.add(before.counts.get(id), after.counts.get(id));
  return tally.result(
    pending.filter((p) => isReleaseDue(p, before.releaseThreshold)).length,
    pending.filter((p) => isReleaseDue(p, after.releaseThreshold)).length,
  );
}
