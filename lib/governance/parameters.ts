// The cooperative's voted parameters (issue 20): one versioned record. Pure: the zod schema is
// shared by the proposal form, the database read and the property tests, so a value the form
// refuses can never reach the scoring functions.
import { z } from 'zod';

/**
 * The interval's confidence level. SPEC §2 replaced the seed's fixed "± 0.2" band with a Wilson
 * interval, whose width follows the evidence; what members can vote on is its confidence level.
 * The z quantiles are written out so that 95 % is exactly the golden vectors' z.
 */
export const INTERVAL_Z = { '80': 1.2815515655446004, '90': 1.6448536269514722, '95': 1.959963984540054, '99': 2.5758293035489004 } as const;
export type IntervalLevel = keyof typeof INTERVAL_Z;
export const INTERVAL_LEVELS = Object.keys(INTERVAL_Z) as IntervalLevel[];

export const REPEATED_RULES = ['every', 'latest_per_rater'] as const;
export type RepeatedRule = (typeof REPEATED_RULES)[number];

export const MESSAGE_EXPIRY_CHOICES = [1, 7, 30] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** At most two decimals: what the form's number fields accept. */
const decimal = (min: number, max: number) =>
  z.coerce.number().min(min).max(max).refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, 'decimals');

export const parametersSchema = z.strictObject({
  /** The percentile of the flags (SPEC §1: 0.25). */
  percentile: decimal(0.05, 0.5),
  /** Influence I = T^exponent (SPEC §1: 3). */
  dampingExponent: decimal(1, 6),
  /** The interval's confidence level in per cent (SPEC §2: 95). */
  intervalLevel: z.enum(INTERVAL_LEVELS as [IntervalLevel, ...IntervalLevel[]]),
  /** How many ratings one seller's rating of a buyer counts as (SPEC §1: 1). */
  sellerRatingWeight: decimal(0.25, 4),
  /** K of the release rule (DESIGN: 3); 1 would let a single rating show. */
  releaseThreshold: int(2, 10),
  /** Repeated ratings of one person by one rater: every rating (the seed), or only her latest. */
  repeatedRatings: z.enum(REPEATED_RULES),
  /** The default expiry a sender is offered for a message, in days. */
  messageExpiryDays: z.coerce.number().pipe(z.union(MESSAGE_EXPIRY_CHOICES.map((d) => z.literal(d)))),
  /** Incident report expiry by severity, in days (DESIGN: 2 years, 1 year, 90 days). */
  reportExpiryDangerousDays: int(180, 1095),
  reportExpiryRiskyDays: int(90, 730),
  reportExpiryAnnoyingDays: int(30, 365),
  /** Encounter rows are folded into counters after this many days (DESIGN: 180). */
  retentionDays: int(90, 365),
  /** Share of the roll that must vote for a proposal to count (per cent, default 50). */
  quorumPercent: int(20, 100),
});

export type Parameters = z.infer<typeof parametersSchema>;
export type ParameterName = keyof Parameters;
export const PARAMETER_NAMES = Object.keys(parametersSchema.shape) as ParameterName[];

/** Version 1: the specification's defaults. */
export const VERSION_1: Parameters = Object.freeze({
  percentile: 0.25,
  dampingExponent: 3,
  intervalLevel: '95',
  sellerRatingWeight: 1,
  releaseThreshold: 3,
  repeatedRatings: 'every',
  messageExpiryDays: 7,
  reportExpiryDangerousDays: 730,
  reportExpiryRiskyDays: 365,
  reportExpiryAnnoyingDays: 90,
  retentionDays: 180,
  quorumPercent: 50,
});

/** Parameters that are themselves voting rules: changing one needs two thirds. */
export const VOTING_RULES: readonly ParameterName[] = ['quorumPercent'];

export function changedNames(from: Parameters, to: Parameters): ParameterName[] {
  return PARAMETER_NAMES.filter((name) => from[name] !== to[name]);
}

/** What the trust math takes (lib/trust.ts stays free of this module's zod). */
export function trustParameters(p: Parameters) {
  return { percentile: p.percentile, dampingExponent: p.dampingExponent, z: INTERVAL_Z[p.intervalLevel], sellerRatingWeight: p.sellerRatingWeight };
}
