// The rules of a vote (issue 20; § 43 GenG: one member, one vote). Pure.
import { z } from 'zod';
import { changedNames, parametersSchema, VOTING_RULES, type Parameters, type ParameterName } from './parameters';

export const MIN_VOTING_DAYS = 7;
export const MAX_VOTING_DAYS = 30;
/** Members whose co-signatures open a proposal without a coordinator. */
export const SPONSORS_NEEDED = 3;

/** A proposal's id as the forms send it: anything else is refused before a query sees it. */
export function isProposalId(value: unknown): value is string {
  return z.uuid().safeParse(value).success;
}

export type Majority = 'simple' | 'two_thirds';
export type Choice = 'yes' | 'no' | 'abstain';
export type Result = 'accepted' | 'rejected' | 'no_quorum';

/** Changes to the voting rules themselves need two thirds; everything else a simple majority. */
export function majorityFor(changes: Partial<Parameters>): Majority {
  return (Object.keys(changes) as ParameterName[]).some((n) => VOTING_RULES.includes(n)) ? 'two_thirds' : 'simple';
}

export interface Tally { yes: number; no: number; abstain: number }

/**
 * Quorum: at least quorumPercent % of the roll cast a ballot (abstentions count towards it).
 * Majority: of yes + no, more than half (simple) or at least two thirds; no votes at all rejects.
 */
export function resultOf(t: Tally, rollSize: number, quorumPercent: number, majority: Majority): Result {
  const turnout = t.yes + t.no + t.abstain;
  if (rollSize === 0 || turnout * 100 < quorumPercent * rollSize) return 'no_quorum';
  const decided = t.yes + t.no;
  if (decided === 0) return 'rejected';
  return (majority === 'two_thirds' ? t.yes * 3 >= decided * 2 : t.yes * 2 > decided) ? 'accepted' : 'rejected';
}

/**
 * The next version: the accepted changes applied to the newest version (in force or waiting),
 * so two proposals accepted in the same week both apply. Re-validated: a combination the form
 * would refuse is refused here too (null).
 */
export function applyChanges(latest: Parameters, changes: Partial<Parameters>): Parameters | null {
  const next = parametersSchema.safeParse({ ...latest, ...changes });
  return next.success ? next.data : null;
}

/** Only the names whose values differ, so a proposal never carries an unchanged value. */
export function diff(from: Parameters, to: Parameters): Partial<Parameters> {
  return Object.fromEntries(changedNames(from, to).map((n) => [n, to[n]])) as Partial<Parameters>;
}
