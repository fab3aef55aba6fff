// The repeated-ratings rule applied to a list of one person's ratings. Pure.
import type { RepeatedRule } from './parameters';

export interface DatedRating { raterId: string | null; createdOn: string; id: string }

/**
 * 'every': all ratings count (the seed). 'latest_per_rater': only each rater's latest (by date,
 * then id); ratings without a rater (deleted accounts, which weigh 0 anyway) all stay.
 */
export function applyRepeatedRule<R extends DatedRating>(ratings: readonly R[], rule: RepeatedRule): R[] {
  if (rule === 'every') return [...ratings];
  const latest = new Map<string, R>();
  const anonymous: R[] = [];
  for (const r of ratings) {
    if (r.raterId === null) {
      anonymous.push(r);
      continue;
    }
    const seen = latest.get(r.raterId);
    if (!seen || r.createdOn > seen.createdOn || (r.createdOn === seen.createdOn && r.id > seen.id)) latest.set(r.raterId, r);
  }
  return [...latest.values(), ...anonymous];
}
