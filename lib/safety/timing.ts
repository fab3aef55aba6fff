// The check-in's and alarm's timing rules, pure: the server's tick, the actions and the purge all
// ask these, with the moment passed in (tests inject their clock).

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The durations she can choose when starting a check-in, in minutes (30 min – 12 h). */
export const CHECKIN_MINUTES = [30, 60, 90, 120, 180, 240, 360, 480, 720] as const;
/** What "extend" can add, in minutes. */
export const EXTEND_MINUTES = [15, 30, 60, 120] as const;
/** One choice of the forms, labelled by the page ("90 Minuten", "1,5 Stunden"). */
export type Duration = { minutes: number; label: string };
export const MIN_CHECKIN_MS = 30 * MINUTE;
export const MAX_CHECKIN_MS = 12 * HOUR;
/** After her end time, how long the server waits before the first alert. */
export const GRACE_MS = 10 * MINUTE;
/** Between two alerts of one escalation, until a buddy acknowledges or she ends it. */
export const REPEAT_MS = 10 * MINUTE;
/** Ended check-ins and alarms (with notes and positions) are deleted this long after they end. */
export const KEEP_AFTER_END_MS = 24 * HOUR;
/**
 * One never ended (her phone gone, nobody acknowledging) counts as ended this long after its end
 * time (or an alarm after it was sent): alerts repeat for a day, and it is deleted a day later.
 */
export const UNENDED_COUNTS_AS_ENDED_MS = 24 * HOUR;
/** Wrong PINs at "I'm OK" before the buddies are alerted at once (a PIN being guessed). */
export const PIN_FAILURES_ESCALATE = 5;

/** Her end time for a chosen duration; null when the duration is not one she can choose. */
export function endTimeFor(now: Date, minutes: number): Date | null {
  if (!(CHECKIN_MINUTES as readonly number[]).includes(minutes)) return null;
  return new Date(now.getTime() + minutes * MINUTE);
}

/**
 * Her end time moved on by `minutes` (one of EXTEND_MINUTES), counted from the later of her end
 * time and now, and never more than 12 h from now; null when that is not a choice.
 */
export function extendedEndTime(now: Date, endsAt: Date, minutes: number): Date | null {
  if (!(EXTEND_MINUTES as readonly number[]).includes(minutes)) return null;
  const from = Math.max(endsAt.getTime(), now.getTime());
  return new Date(Math.min(from + minutes * MINUTE, now.getTime() + MAX_CHECKIN_MS));
}

/** The first alert of a check-in: its end time plus the grace. */
export function firstAlertAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() + GRACE_MS);
}

/**
 * After an alert sent at `now`, the next one. Counted from when it was sent, not from when it was
 * due: a server that was down for an hour sends one alert on its return, not six at once.
 */
export function nextAlertAfter(now: Date): Date {
  return new Date(now.getTime() + REPEAT_MS);
}

/** Whether an alert is due: the tick's question for a row that is neither ended nor acknowledged. */
export function alertDue(now: Date, nextAlertAt: Date): boolean {
  return nextAlertAt.getTime() <= now.getTime();
}

/** Where a check-in stands for her screen. */
export type CheckinPhase = 'running' | 'grace' | 'overdue';

export function phaseOf(now: Date, endsAt: Date, escalated: boolean): CheckinPhase {
  if (escalated) return 'overdue';
  if (now.getTime() < endsAt.getTime()) return 'running';
  return now.getTime() < firstAlertAt(endsAt).getTime() ? 'grace' : 'overdue';
}

/** Minutes left until her end time (0 once it has passed), rounded up: "ends in 1 minute" until it ends. */
export function minutesLeft(now: Date, endsAt: Date): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / MINUTE));
}

/**
 * The moment before which ended rows are deleted: a row that ended (`endedAt`) before this, or
 * was never ended and whose end time (check-in) or sending (alarm) is before `unendedCutoff`.
 */
export function purgeCutoffs(now: Date): { endedBefore: Date; unendedBefore: Date } {
  return {
    endedBefore: new Date(now.getTime() - KEEP_AFTER_END_MS),
    unendedBefore: new Date(now.getTime() - UNENDED_COUNTS_AS_ENDED_MS - KEEP_AFTER_END_MS),
  };
}
