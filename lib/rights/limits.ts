// Limits and choices the contest form shows live; pure, so client components can import them.
export const CONTEST_REASONS = ['never_met', 'did_not_happen', 'retaliation', 'other'] as const;
export type ContestReason = (typeof CONTEST_REASONS)[number];
export const CONTEST_NOTE_MAX = 500;
export const ANNOTATION_MAX = 500;
