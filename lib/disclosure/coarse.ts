// Figures the rated person or the public can see are coarse (DESIGN.md, "Anti-retaliation"):
// exact scores or weight sums would let someone test which subset of their recent raters
// produces a new figure, and so learn who rated them down. Pure.
import type { BuyerScore, Interval, SellerScore } from '@/lib/trust';

/** Sample size as a band, never an exact count. */
export const SAMPLE_BANDS = ['<5', '5-9', '10-19', '20-49', '50+'] as const;
export type SampleBand = (typeof SAMPLE_BANDS)[number];

export function sampleBand(n: number): SampleBand {
  if (n < 5) return '<5';
  if (n < 10) return '5-9';
  if (n < 20) return '10-19';
  if (n < 50) return '20-49';
  return '50+';
}

/** Two decimals, as a number (0.125 → 0.13); null stays null. */
export function round2(x: number): number;
export function round2(x: number | null): number | null;
export function round2(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}

function roundInterval(i: Interval | null): Interval | null {
  return i ? [round2(i[0]), round2(i[1])] : null;
}

/** A released score: what a person sees of their own score and the public of a seller's. */
export interface DisclosedScore {
  safety: number | null;
  reliability: number | null;
  trust: number | null;
  safetyInterval: Interval | null;
  reliabilityInterval: Interval | null;
  sampleSize: SampleBand;
}

/** Rounds and bands a buyer's or a seller's score; influence and weight sums are left out. */
export function discloseScore(s: BuyerScore | SellerScore): DisclosedScore {
  return {
    safety: round2(s.safety),
    reliability: round2(s.reliability),
    trust: round2(s.trust),
    safetyInterval: roundInterval(s.safetyInterval),
    reliabilityInterval: roundInterval(s.reliabilityInterval),
    sampleSize: sampleBand(s.sampleSize),
  };
}

/** The seller look-up is live and exact in its counts, but its scores are shown to 2 decimals. */
export function roundBuyerScore(s: BuyerScore): BuyerScore {
  return {
    ...s,
    safety: round2(s.safety),
    reliability: round2(s.reliability),
    trust: round2(s.trust),
    influence: round2(s.influence),
    safetyInterval: roundInterval(s.safetyInterval),
    reliabilityInterval: roundInterval(s.reliabilityInterval),
  };
}

/** Message keys (ICU select) of the bands, for the pages. */
export const BAND_KEYS: Record<SampleBand, string> = { '<5': 'lt5', '5-9': 'b5', '10-19': 'b10', '20-49': 'b20', '50+': 'b50' };
