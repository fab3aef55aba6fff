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

/** The numeric parameters' ranges and steps: the form's inputs and the schema both come from here. */
export const RANGES = {
  percentile: { min: 0.05, max: 0.5, step: 0.01 },
  dampingExponent: { min: 1, max: 6, step: 0.01 },
  sellerRatingWeight: { min: 0.25, max: 4, step: 0.01 },
  releaseThreshold: { min: 2, max: 10, step: 1 },
  reportExpiryDangerousDays: { min: 180, max: 1095, step: 1 },
  reportExpiryRiskyDays: { min: 90, max: 730, step: 1 },
  reportExpiryAnnoyingDays: { min: 30, max: 365, step: 1 },
  retentionDays: { min: 91, max: 365, step: 1 },
  quorumPercent: { min: 20, max: 100, step: 1 },
} as const;
export type RangedName = keyof typeof RANGES;

/** A number in its range, on its step (integers, or at most two decimals). */
const ranged = (name: RangedName) => {
  const { min, max, step } = RANGES[name];
  const base = z.coerce.number().min(min).max(max);
  return step === 1 ? base.int() : base.refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, 'decimals');
};

export const parametersSchema = z.strictObject({
  /** The percentile of the flags (SPEC §1: 0.25). */
  percentile: ranged('percentile'),
  /** Influence I = T^exponent (SPEC §1: 3). */
  dampingExponent: ranged('dampingExponent'),
  /** The interval's confidence level in per cent (SPEC §2: 95). */
  intervalLevel: z.enum(INTERVAL_LEVELS as [IntervalLevel, ...IntervalLevel[]]),
  /** How many ratings one seller's rating of a buyer counts as (SPEC §1: 1). */
  sellerRatingWeight: ranged('sellerRatingWeight'),
  /** K of the release rule (DESIGN: 3); 1 would let a single rating show. */
  releaseThreshold: ranged('releaseThreshold'),
  /** Repeated ratings of one person by one rater: every rating (the seed), or only her latest. */
  repeatedRatings: z.enum(REPEATED_RULES),
  /** The default expiry a sender is offered for a message, in days. */
  messageExpiryDays: z.coerce.number().pipe(z.union(MESSAGE_EXPIRY_CHOICES.map((d) => z.literal(d)))),
  /** Incident report expiry by severity, in days (DESIGN: 2 years, 1 year, 90 days). */
  reportExpiryDangerousDays: ranged('reportExpiryDangerousDays'),
  reportExpiryRiskyDays: ranged('reportExpiryRiskyDays'),
  reportExpiryAnnoyingDays: ranged('reportExpiryAnnoyingDays'),
  /** Encounter rows are folded into counters after this many days (DESIGN: 180). */
  retentionDays: ranged('retentionDays'),
  /** Share of the roll that must vote for a proposal to count (per cent, default 50). */
  quorumPercent: ranged('quorumPercent'),
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
