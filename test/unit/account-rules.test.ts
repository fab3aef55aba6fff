import { describe, expect, it } from 'vitest';
import { passwordProblem, pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import {
  afterFailure,
  FREE_FAILURES,
  HOURLY_CAP,
  waitBeforeAttempt,
  WINDOW_MS,
  type ThrottleState,
} from '@/lib/accounts/throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function pseudonymError(input: string): string | null {
  const result = pseudonymSchema.safeParse(input);
  return result.success ? null : result.error.issues[0]!.message;
}

describe('pseudonym rules', () => {
  it('accepts 3 to 32 letters, digits, _, - and .', () => {
    expect(pseudonymSchema.parse('abc')).toBe('abc');
    expect(pseudonymSchema.parse('a'.repeat(32))).toBe('a'.repeat(32));
    expect(pseudonymSchema.parse('Kiki_Night-2.0')).toBe('Kiki_Night-2.0');
  });

  it('refuses pseudonyms that are too short or too long', () => {
    expect(pseudonymError('ab')).toBe('pseudonymLength');
    expect(pseudonymError('')).toBe('pseudonymLength');
    expect(pseudonymError('a'.repeat(33))).toBe('pseudonymLength');
  });

  it('refuses spaces, umlauts and other characters', () => {
    expect(pseudonymError('kiki night')).toBe('pseudonymCharacters');
    expect(pseudonymError('Jürgen')).toBe('pseudonymCharacters');
    expect(pseudonymError('straße')).toBe('pseudonymCharacters');
    expect(pseudonymError('kiki@night')).toBe('pseudonymCharacters');
    expect(pseudonymError('kiki/night')).toBe('pseudonymCharacters');
  });

  it('trims surrounding whitespace before checking', () => {
    expect(pseudonymSchema.parse('  Kiki_Night \t')).toBe('Kiki_Night');
    // Trimmed first: two letters padded with spaces are still too short.
    expect(pseudonymError('  ab  ')).toBe('pseudonymLength');
  });

  it('keys pseudonyms case-insensitively (lower-case, trimmed)', () => {
    expect(pseudonymKey('Kiki_Night')).toBe('kiki_night');
    expect(pseudonymKey('  KIKI_NIGHT ')).toBe('kiki_night');
    expect(pseudonymKey('kiki_night')).toBe(pseudonymKey('KiKi_NiGhT'));
  });
});

describe('password rules', () => {
  const pseudonym = 'Sunflower.Field';

  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblem('Xk9#mPq2vL4', pseudonym)).toBe('passwordLength'); // 11
    expect(passwordProblem('', pseudonym)).toBe('passwordLength');
    expect(passwordProblem('Xk9#mPq2vL4z', pseudonym)).toBeNull(); // 12
  });

  it('refuses a password equal to the pseudonym, in any case', () => {
    expect(passwordProblem('sunflower.field', pseudonym)).toBe('passwordIsPseudonym');
    expect(passwordProblem('SUNFLOWER.FIELD', pseudonym)).toBe('passwordIsPseudonym');
    expect(passwordProblem('Sunflower.Field', pseudonym)).toBe('passwordIsPseudonym');
  });

  it('refuses common passwords', () => {
    for (const password of ['password1234', 'qwertyqwerty', '123qweasdzxc', 'aaaaaaaaaaaa', 'Password2024!']) {
      expect(passwordProblem(password, pseudonym), password).toBe('passwordCommon');
    }
  });

  it('accepts a good passphrase', () => {
    expect(passwordProblem('Lantern-Orbit-Velvet-42', pseudonym)).toBeNull();
    expect(passwordProblem('violet tram quietly hums', pseudonym)).toBeNull();
  });

  it('refuses passwords over 256 characters', () => {
    expect(passwordProblem('Lantern-Orbit-Velvet-42'.repeat(12), pseudonym)).toBe('passwordTooLong');
  });

  // Pseudonyms need no letters ("007", "___"). core() strips every non-letter, so for such a
  // pseudonym core(name) is "", and every password without letters also has core "": it is
  // refused as being the pseudonym although it is nothing like it.
  it('does not call a password without letters "the pseudonym" when the pseudonym has no letters either', () => {
    expect(pseudonymSchema.parse('007')).toBe('007');
    expect(passwordProblem('8461-2957-3310', 'kiki')).toBeNull();
    expect(passwordProblem('8461-2957-3310', '007')).toBeNull();
  });
});

describe('sign-in throttle', () => {
  const start = new Date('2026-03-01T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);

  /** Applies `count` failures at time `ms`, ignoring waits. */
  function failures(count: number, ms = 0, from: ThrottleState | null = null): ThrottleState | null {
    let state = from;
    for (let i = 0; i < count; i++) state = afterFailure(state, at(ms));
    return state;
  }

  it('lets the first 4 failures through without a wait', () => {
    expect(waitBeforeAttempt(null, start)).toBe(0);
    let state: ThrottleState | null = null;
    for (let i = 1; i < FREE_FAILURES; i++) {
      state = afterFailure(state, start);
      expect(state.failures).toBe(i);
      expect(state.blockedUntil).toBeNull();
      expect(waitBeforeAttempt(state, start)).toBe(0);
    }
  });

  it('blocks for 30 seconds after the 5th failure', () => {
    const state = failures(5)!;
    expect(state.failures).toBe(5);
    expect(state.blockedUntil).toEqual(at(30 * SECOND));
    expect(waitBeforeAttempt(state, start)).toBe(30 * SECOND);
    expect(waitBeforeAttempt(state, at(10 * SECOND))).toBe(20 * SECOND);
    expect(waitBeforeAttempt(state, at(30 * SECOND))).toBe(0);
  });

  it('doubles the wait with every further failure, up to 15 minutes', () => {
    let state = failures(4);
    let now = 0;
    const waits: number[] = [];
    // Eight failures fit into the hour's window (the ninth, 3630 s in, starts a new one).
    for (let i = 0; i < 8; i++) {
      state = afterFailure(state, at(now));
      const wait = waitBeforeAttempt(state, at(now));
      waits.push(wait / SECOND);
      now += wait;
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('starts a fresh window an hour after the first failure', () => {
    const blocked = failures(7)!;
    expect(blocked.blockedUntil).not.toBeNull();
    const justBefore = afterFailure(blocked, at(WINDOW_MS - 1));
    expect(justBefore.failures).toBe(8);
    expect(justBefore.windowStartedAt).toEqual(start);

    const fresh = afterFailure(blocked, at(WINDOW_MS));
    expect(fresh.failures).toBe(1);
    expect(fresh.windowStartedAt).toEqual(at(WINDOW_MS));
    expect(fresh.blockedUntil).toBeNull();
  });

  it('never allows more than 100 failures in a window, even when waits are ignored', () => {
    // One failure opens the window; 99 more at once five minutes later (as if waits were skipped).
    const almost = failures(HOURLY_CAP - 2, 5 * MINUTE, failures(1))!;
    expect(almost.failures).toBe(HOURLY_CAP - 1);
    expect(almost.blockedUntil).toEqual(at(20 * MINUTE)); // only the 15-minute cap
    const capped = afterFailure(almost, at(5 * MINUTE));
    expect(capped.failures).toBe(HOURLY_CAP);
    expect(capped.blockedUntil).toEqual(at(WINDOW_MS)); // until the window ends
  });

  it('gives an attacker who retries exactly when allowed far fewer than 100 attempts in any hour', () => {
    // Every attempt is evaluated (and fails) as soon as the throttle allows it, for two days.
    const evaluated: number[] = [];
    let state: ThrottleState | null = null;
    let now = 0;
    while (now < 48 * HOUR) {
      const wait = waitBeforeAttempt(state, at(now));
      if (wait > 0) {
        now += wait;
        continue;
      }
      evaluated.push(now);
      state = afterFailure(state, at(now));
    }

    let worst = 0;
    for (let i = 0, j = 0; i < evaluated.length; i++) {
      while (j < evaluated.length && evaluated[j]! < evaluated[i]! + HOUR) j++;
      worst = Math.max(worst, j - i);
    }
    expect(evaluated.length).toBeGreaterThan(48); // the simulation did run for two days
    expect(worst).toBeLessThanOrEqual(HOURLY_CAP);
    expect(worst).toBeLessThanOrEqual(20);
    // The first hour: 5 free, then after waits of 30 s, 1, 2, 4, 8 and 15, 15 minutes.
    expect(evaluated.filter((t) => t < HOUR)).toHaveLength(12);
  });
});
