// The scoring contract (shared/trust/SPEC.md). Pure math: no I/O, no framework imports.

export type Flag = boolean | null;
export interface BuyerRating { safe: Flag; reliable: Flag }
export interface SellerRating extends BuyerRating { raterInfluence: number }
export type Interval = [low: number, high: number];

export interface BuyerScore {
  safety: number | null; reliability: number | null; trust: number | null;
  influence: number; sampleSize: number;
  safetyInterval: Interval | null; reliabilityInterval: Interval | null;
}
export interface SellerScore {
  safety: number | null; reliability: number | null; trust: number | null;
  sampleSize: number; trustedWeight: number;
  safetyInterval: Interval | null; reliabilityInterval: Interval | null;
}

/** Two-sided 95 % normal quantile. */
export const Z = 1.959963984540054;

/**
 * The voted parameters the math takes (lib/governance/parameters.ts holds the versions). Every
 * function defaults to version 1, the specification's values, which the golden vectors test.
 */
export interface TrustParameters {
  /** The percentile of the flags (0.25). */
  percentile: number;
  /** Influence I = T^dampingExponent (3). */
  dampingExponent: number;
  /** The interval's normal quantile (Z, 95 %). */
  z: number;
  /** How many ratings one seller's rating of a buyer counts as (1). */
  sellerRatingWeight: number;
}

export const TRUST_V1: TrustParameters = Object.freeze({ percentile: 0.25, dampingExponent: 3, z: Z, sellerRatingWeight: 1 });

/** The p-th percentile of n 0/1 flags of which k are 0 (numpy "linear"), closed form, real k and n. */
export function percentileOf(p: number, k: number, n: number): number {
  return Math.min(1, Math.max(0, p * (n - 1) - k + 1));
}

/**
 * 25th percentile (numpy's default "linear" method) of n 0/1 flags of which k are 0,
 * in closed form, extended to real k and n (weighted evidence).
 */
export function percentile25(k: number, n: number): number {
  return percentileOf(0.25, k, n);
}

/** Wilson score interval of the share k / n (n > 0); 95 % unless another quantile is given. */
export function wilsonInterval(k: number, n: number, z: number = Z): Interval {
  const q = k / n;
  const denom = 1 + (z * z) / n;
  const center = (q + (z * z) / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((q * (1 - q)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

export interface DimensionScore { score: number; interval: Interval }

/**
 * Score and interval of one dimension from k "false" flags among n (both possibly weighted).
 * The interval maps the unsafe share's Wilson bounds through the percentile: a high unsafe
 * share gives the low end.
 */
export function dimensionScore(k: number, n: number, p: TrustParameters = TRUST_V1): DimensionScore {
  const [qLow, qHigh] = wilsonInterval(k, n, p.z);
  const f = (kk: number) => percentileOf(p.percentile, kk, n);
  return { score: f(k), interval: [f(n * qHigh), f(n * qLow)] };
}

/** The seed API's `confidence` string: "0.21-1.00". */
export function confidenceString(interval: Interval | null): string | null {
  return interval ? `${interval[0].toFixed(2)}-${interval[1].toFixed(2)}` : null;
}

/** Weighted evidence of one dimension: n = Σ w over present flags, k = Σ w over false flags. */
function evidence<R extends BuyerRating>(ratings: readonly R[], key: keyof BuyerRating, weight: (r: R) => number) {
  let n = 0;
  let k = 0;
  for (const r of ratings) {
    const flag = r[key];
    if (flag === null) continue;
    const w = weight(r);
    n += w;
    if (!flag) k += w;
  }
  return { k, n };
}

function dimension<R extends BuyerRating>(
  ratings: readonly R[], key: keyof BuyerRating, weight: (r: R) => number, minWeight: number, p: TrustParameters,
): DimensionScore | null {
  const { k, n } = evidence(ratings, key, weight);
  return n <= 0 || n < minWeight ? null : dimensionScore(k, n, p);
}

const rated = (r: BuyerRating) => r.safe !== null || r.reliable !== null;

/** Builds a score object from the two dimensions; shared by buyer and seller scores. */
function combine(s: DimensionScore | null, r: DimensionScore | null) {
  return {
    safety: s?.score ?? null,
    reliability: r?.score ?? null,
    trust: s && r ? s.score * r.score : null,
    safetyInterval: s?.interval ?? null,
    reliabilityInterval: r?.interval ?? null,
  };
}

/** I = T^exponent; 0 for a buyer without a trust score. */
export function influenceOf(trust: number | null, p: TrustParameters = TRUST_V1): number {
  return trust === null ? 0 : trust ** p.dampingExponent;
}

export function buyerScore(ratings: readonly BuyerRating[], p: TrustParameters = TRUST_V1): BuyerScore {
  const w = () => p.sellerRatingWeight;
  const parts = combine(dimension(ratings, 'safe', w, 0, p), dimension(ratings, 'reliable', w, 0, p));
  return {
    ...parts,
    influence: influenceOf(parts.trust, p),
    sampleSize: ratings.filter(rated).length,
  };
}

/**
 * Each buyer's rating counts as I ratings (the buyer's current influence); a dimension is
 * shown only once at least one fully trusted buyer's worth of evidence exists (Σ I ≥ 1).
 */
export function sellerScore(ratings: readonly SellerRating[], p: TrustParameters = TRUST_V1): SellerScore {
  const influence = (r: SellerRating) => r.raterInfluence;
  const parts = combine(dimension(ratings, 'safe', influence, 1, p), dimension(ratings, 'reliable', influence, 1, p));
  const counted = ratings.filter(rated);
  return {
    ...parts,
    sampleSize: counted.length,
    trustedWeight: counted.reduce((sum, r) => sum + r.raterInfluence, 0),
  };
}

/** A buyer's flag counters (kept per buyer so a look-up never reads their ratings). */
export interface BuyerCounts {
  /** Ratings with at least one flag. */
  ratings: number;
  safeYes: number; safeNo: number;
  reliableYes: number; reliableNo: number;
}

/** Exactly buyerScore(ratings), from counters: SPEC §1's closed form needs only k and n. */
export function buyerScoreFromCounts(c: BuyerCounts, p: TrustParameters = TRUST_V1): BuyerScore {
  const w = p.sellerRatingWeight;
  const dim = (no: number, yes: number) => (no + yes > 0 ? dimensionScore(w * no, w * (no + yes), p) : null);
  const parts = combine(dim(c.safeNo, c.safeYes), dim(c.reliableNo, c.reliableYes));
  return { ...parts, influence: influenceOf(parts.trust, p), sampleSize: c.ratings };
}
