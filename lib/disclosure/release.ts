// The release rule for scores the rated person or the public can see (DESIGN.md, "Anti-retaliation").
// Pure: the weekly job counts what arrived since the last release and asks this.

/**
 * K: a person's released score is replaced only once at least K new ratings from at least K
 * distinct raters have arrived since the last release (the first release likewise). With fewer,
 * the rated person could tell from the change who rated them. One named constant so that it can
 * become a parameter the cooperative votes on.
 */
export const RELEASE_THRESHOLD = 3;

/** What has arrived about one person since their last release. */
export interface PendingRatings {
  /** New ratings (every rating answers at least one question). */
  ratings: number;
  /** Distinct raters among them whose accounts still exist (a deleted rater adds no distinct rater). */
  raters: number;
}

export function isReleaseDue(pending: PendingRatings, k: number = RELEASE_THRESHOLD): boolean {
  return pending.ratings >= k && pending.raters >= k;
}
