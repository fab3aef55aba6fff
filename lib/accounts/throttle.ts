// Failed sign-ins per pseudonym: free for the first few, then an exponentially growing wait.
// Pure: the caller supplies the clock and stores the state.

export const FREE_FAILURES = 5;
export const WINDOW_MS = 60 * 60 * 1000;
const FIRST_WAIT_MS = 30 * 1000;
const MAX_WAIT_MS = 15 * 60 * 1000;
/** ASVS 2.2.1: never more than 100 failed attempts an hour, whatever the waits allow. */
export const HOURLY_CAP = 100;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

/** Milliseconds until another attempt may be evaluated; 0 when it may go ahead now. */
export function waitBeforeAttempt(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() >= WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  let blockedUntil: Date | null = null;
  if (failures >= HOURLY_CAP) {
    blockedUntil = new Date(windowStartedAt.getTime() + WINDOW_MS);
  } else if (failures >= FREE_FAILURES) {
    const wait = Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_MS);
    blockedUntil = new Date(now.getTime() + wait);
  }
  return { failures, windowStartedAt, blockedUntil };
}
