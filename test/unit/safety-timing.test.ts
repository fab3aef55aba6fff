import { describe, expect, it } from 'vitest';
import { pinsSchema, roundPosition } from '@/lib/safety/rules';
import {
  alertDue,
  endTimeFor,
  extendedEndTime,
  firstAlertAt,
  minutesLeft,
  nextAlertAfter,
  phaseOf,
  purgeCutoffs,
} from '@/lib/safety/timing';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-02T20:00:00Z');

describe('check-in timing', () => {
  it('an end time 30 min – 12 h from now, only for the offered durations', () => {
    expect(endTimeFor(NOW, 30)).toEqual(at('2026-12-02T20:30:00Z'));
    expect(endTimeFor(NOW, 720)).toEqual(at('2026-12-03T08:00:00Z'));
    for (const bad of [0, 29, 31, 721, -30, 1.5, Number.NaN, 10_000]) expect(endTimeFor(NOW, bad), String(bad)).toBeNull();
  });

  it('extending adds to her end time, or to now once it has passed, never beyond 12 h from now', () => {
    expect(extendedEndTime(NOW, at('2026-12-02T20:40:00Z'), 30)).toEqual(at('2026-12-02T21:10:00Z'));
    // In the grace after her end time: counted from now.
    expect(extendedEndTime(NOW, at('2026-12-02T19:55:00Z'), 15)).toEqual(at('2026-12-02T20:15:00Z'));
    // 11 h 30 min left, + 2 h: capped at 12 h from now.
    expect(extendedEndTime(NOW, at('2026-12-03T07:30:00Z'), 120)).toEqual(at('2026-12-03T08:00:00Z'));
    for (const bad of [0, 10, 45, 721]) expect(extendedEndTime(NOW, NOW, bad), String(bad)).toBeNull();
  });

  it('the first alert 10 minutes after her end time, then every 10 minutes from when one was sent', () => {
    expect(firstAlertAt(at('2026-12-02T21:00:00Z'))).toEqual(at('2026-12-02T21:10:00Z'));
    expect(nextAlertAfter(at('2026-12-02T21:10:17Z'))).toEqual(at('2026-12-02T21:20:17Z'));
  });

  it('an alert is due at its time, not a millisecond before', () => {
    const due = at('2026-12-02T21:10:00Z');
    expect(alertDue(at('2026-12-02T21:09:59.999Z'), due)).toBe(false);
    expect(alertDue(due, due)).toBe(true);
    expect(alertDue(at('2026-12-02T23:00:00Z'), due)).toBe(true);
  });

  it('phases: running before her end time, grace for 10 minutes, then overdue', () => {
    const ends = at('2026-12-02T21:00:00Z');
    expect(phaseOf(at('2026-12-02T20:59:59Z'), ends, false)).toBe('running');
    expect(phaseOf(ends, ends, false)).toBe('grace');
    expect(phaseOf(at('2026-12-02T21:09:59Z'), ends, false)).toBe('grace');
    expect(phaseOf(at('2026-12-02T21:10:00Z'), ends, false)).toBe('overdue');
    expect(phaseOf(at('2026-12-02T20:00:00Z'), ends, true)).toBe('overdue');
  });

  it('minutes left round up and stop at 0', () => {
    expect(minutesLeft(NOW, at('2026-12-02T20:00:01Z'))).toBe(1);
    expect(minutesLeft(NOW, at('2026-12-02T20:30:00Z'))).toBe(30);
    expect(minutesLeft(NOW, at('2026-12-02T19:00:00Z'))).toBe(0);
  });

  it('purge: 24 h after the end, or 48 h after an end time never ended', () => {
    expect(purgeCutoffs(NOW)).toEqual({ endedBefore: at('2026-12-01T20:00:00Z'), unendedBefore: at('2026-11-30T20:00:00Z') });
  });
});

describe('PIN rules', () => {
  const ok = { pin: '1234', pinConfirm: '1234', duress: '98765432', duressConfirm: '9876 5432' };

  it('two different PINs of 4–8 digits, each typed twice', () => {
    expect(pinsSchema.parse(ok)).toEqual({ pin: '1234', pinConfirm: '1234', duress: '98765432', duressConfirm: '9876 5432' });
  });

  it('refuses short, long, non-digit, unconfirmed and equal PINs with a code per field', () => {
    const issues = (v: object) =>
      Object.fromEntries((pinsSchema.safeParse({ ...ok, ...v }).error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(issues({ pin: '123', pinConfirm: '123' })).toEqual({ pin: 'pinFormat' });
    expect(issues({ pin: '123456789', pinConfirm: '123456789' })).toEqual({ pin: 'pinFormat' });
    expect(issues({ duress: '12a4', duressConfirm: '12a4' })).toEqual({ duress: 'pinFormat' });
    expect(issues({ pinConfirm: '4321' })).toEqual({ pinConfirm: 'pinMismatch' });
    expect(issues({ duress: '1234', duressConfirm: '1234' })).toEqual({ duress: 'pinsSame' });
    expect(issues({ duress: '12 34', duressConfirm: '1234' })).toEqual({ duress: 'pinsSame' });
  });

  it('a position is rounded to 5 decimals (about a metre) and a whole metre of accuracy', () => {
    expect(roundPosition({ lat: 52.5200066123, lon: 13.404954444, accuracy: 17.6 })).toEqual({ lat: 52.52001, lon: 13.40495, accuracy: 18 });
  });
});
