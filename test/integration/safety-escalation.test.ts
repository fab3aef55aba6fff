import { describe, expect, it } from 'vitest';
import { openCheckinOf } from '@/db/queries/checkins';
import { endWithPin, extendOwnCheckin } from '@/lib/safety/checkins';
import { escalationTick } from '@/lib/safety/escalation';
import { acknowledge, alertsFor } from '@/lib/safety/view';
import { withTestDatabase } from '../support/database';
import { after, alarmRows, checkinRow, counts, DURESS, PIN, sellerWithBuddies, started } from './safety-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const T = new Date('2026-12-02T20:00:00Z');

describe(`check-in escalation on the server's timer (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('on time: ended with her PIN before the end time, no alert ever; in the grace, none either', async () => {
    const { seller, buddies } = await sellerWithBuddies('OnTime');
    const id = await started(seller.id, { minutes: 30, note: 'room 12' }, T);
    await escalationTick(after(T, 30), db());
    await escalationTick(after(T, 39), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([0, 0]);
    expect(await endWithPin(seller.id, { checkinId: id, pin: PIN }, after(T, 39))).toEqual({ ok: true });
    for (const m of [40, 50, 120, 600]) await escalationTick(after(T, m), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([0, 0]);
    expect(await counts(db(), buddies, 'alarm')).toEqual([0, 0]);
    expect((await checkinRow(db(), id))?.state).toBe('ended');
  });

  it('extended: the first alert moves with her new end time', async () => {
    const { seller, buddies } = await sellerWithBuddies('Extended');
    const id = await started(seller.id, { minutes: 30 }, T);
    expect(await extendOwnCheckin(seller.id, { checkinId: id, minutes: '30' }, after(T, 20))).toEqual({ ok: true });
    expect((await checkinRow(db(), id))?.endsAt).toEqual(after(T, 60));
    await escalationTick(after(T, 40), db());
    await escalationTick(after(T, 69), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([0, 0]);
    await escalationTick(after(T, 70), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([1, 1]);
    // Once alerts have gone out, extending no longer stops them: only her PIN does.
    expect(await extendOwnCheckin(seller.id, { checkinId: id, minutes: '60' }, after(T, 71))).toEqual({ ok: false, formError: 'checkinOverdue' });
    expect(await endWithPin(seller.id, { checkinId: id, pin: PIN }, after(T, 72))).toEqual({ ok: true });
    await escalationTick(after(T, 90), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([1, 1]);
  });

  it('not ended: alert 10 min after her end time, then every 10 min, each step once, to her buddies only', async () => {
    const { seller, buddies } = await sellerWithBuddies('Repeats');
    const { buddies: strangers } = await sellerWithBuddies('Strangers', 1);
    const id = await started(seller.id, { minutes: 60, note: 'Hotel Adler, room 12', buyer: undefined }, T);
    // The note is for her buddies only, and only once alerts go out.
    expect((await alertsFor(buddies[0]!.id)).checkins).toEqual([]);
    const seen: number[][] = [];
    for (const m of [69, 70, 70, 75, 79, 80, 85, 90, 99, 100]) {
      await escalationTick(after(T, m), db());
      seen.push(await counts(db(), buddies, 'checkin_overdue'));
    }
    expect(seen.map((s) => s[0])).toEqual([0, 1, 1, 1, 1, 2, 2, 3, 3, 4]);
    expect(seen.every(([a, b]) => a === b)).toBe(true);
    expect(await counts(db(), strangers, 'checkin_overdue')).toEqual([0]);
    expect((await checkinRow(db(), id))?.step).toBe(4);

    const view = await alertsFor(buddies[1]!.id);
    expect(view.checkins).toEqual([
      { id, seller: seller.pseudonym, endsAt: after(T, 60), alerts: 4, note: 'Hotel Adler, room 12', buyer: null, handler: null },
    ]);
    expect((await alertsFor(strangers[0]!.id)).checkins).toEqual([]);
  });

  it('acknowledged by a buddy ("I\'m handling it"): the repeats stop; a stranger cannot acknowledge', async () => {
    const { seller, buddies } = await sellerWithBuddies('Acked');
    const { buddies: strangers } = await sellerWithBuddies('AckStranger', 1);
    const id = await started(seller.id, { minutes: 30 }, T);
    await escalationTick(after(T, 40), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([1, 1]);
    expect(await acknowledge(strangers[0]!.id, { checkinId: id }, after(T, 45))).toEqual({ ok: false, formError: 'alertGone' });
    expect(await acknowledge(seller.id, { checkinId: id }, after(T, 45))).toEqual({ ok: false, formError: 'alertGone' });
    expect(await acknowledge(buddies[1]!.id, { checkinId: id }, after(T, 45))).toEqual({ ok: true });
    for (const m of [50, 60, 70, 200]) await escalationTick(after(T, m), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([1, 1]);
    const row = await checkinRow(db(), id);
    expect([row?.state, row?.acknowledgedBy]).toEqual(['acknowledged', buddies[1]!.id]);
    // The other buddy sees who is handling it; she still ends it with her PIN.
    expect((await alertsFor(buddies[0]!.id)).checkins.map((c) => c.handler)).toEqual([buddies[1]!.pseudonym]);
    expect(await endWithPin(seller.id, { checkinId: id, pin: PIN }, after(T, 80))).toEqual({ ok: true });
    expect((await alertsFor(buddies[0]!.id)).checkins).toEqual([]);
  });

  it('duress PIN: the same answer as her PIN, her screen the same, and an alarm to her buddies at once, repeated until acknowledged', async () => {
    const ok = await sellerWithBuddies('TruePin');
    const duress = await sellerWithBuddies('Duress');
    const okId = await started(ok.seller.id, { minutes: 30, note: 'note A' }, T);
    const duressId = await started(duress.seller.id, { minutes: 30, note: 'with the blue car, room 3' }, T);

    const okResult = await endWithPin(ok.seller.id, { checkinId: okId, pin: PIN }, after(T, 10));
    const duressResult = await endWithPin(duress.seller.id, { checkinId: duressId, pin: ` ${DURESS.slice(0, 2)} ${DURESS.slice(2)}` }, after(T, 10));
    expect(okResult).toEqual({ ok: true });
    expect(duressResult).toEqual(okResult);
    // What her own screen reads: no open check-in, in both cases.
    expect(await openCheckinOf(duress.seller.id)).toBeNull();
    expect(await openCheckinOf(ok.seller.id)).toBeNull();

    // Alert 1 went out at once, without waiting for a tick.
    expect(await counts(db(), duress.buddies, 'alarm')).toEqual([1, 1]);
    expect(await counts(db(), ok.buddies, 'alarm')).toEqual([0, 0]);
    const [alarm] = await alarmRows(db(), duress.seller.id);
    expect(alarm?.kind).toBe('duress');
    const view = await alertsFor(duress.buddies[0]!.id);
    expect(view.alarms.map((a) => [a.kind, a.seller, a.note, a.position])).toEqual([['duress', duress.seller.pseudonym, 'with the blue car, room 3', null]]);

    await escalationTick(after(T, 19), db());
    expect(await counts(db(), duress.buddies, 'alarm')).toEqual([1, 1]);
    await escalationTick(after(T, 20), db());
    await escalationTick(after(T, 30), db());
    expect(await counts(db(), duress.buddies, 'alarm')).toEqual([3, 3]);
    expect(await acknowledge(duress.buddies[0]!.id, { alarmId: alarm!.id }, after(T, 31))).toEqual({ ok: true });
    await escalationTick(after(T, 40), db());
    await escalationTick(after(T, 90), db());
    expect(await counts(db(), duress.buddies, 'alarm')).toEqual([3, 3]);
    expect(await counts(db(), ok.buddies, 'alarm')).toEqual([0, 0]);
    // Her check-in never escalates as overdue: it is ended, as far as anyone holding her phone can see.
    expect(await counts(db(), duress.buddies, 'checkin_overdue')).toEqual([0, 0]);
  });

  it('a wrong PIN is refused; five wrong PINs alert her buddies at once, and then her PIN no longer calls them off', async () => {
    const { seller, buddies } = await sellerWithBuddies('Guessing');
    const id = await started(seller.id, { minutes: 120 }, T);
    for (let i = 0; i < 4; i++) {
      expect(await endWithPin(seller.id, { checkinId: id, pin: '0000' }, after(T, 5))).toEqual({ ok: false, fieldErrors: { pin: 'pinWrong' } });
    }
    await escalationTick(after(T, 6), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([0, 0]);
    expect(await endWithPin(seller.id, { checkinId: id, pin: '9999' }, after(T, 7))).toEqual({ ok: false, fieldErrors: { pin: 'pinWrong' } });
    await escalationTick(after(T, 7), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([1, 1]);
    expect(await endWithPin(seller.id, { checkinId: id, pin: 'abc' }, after(T, 8))).toEqual({ ok: false, fieldErrors: { pin: 'pinFormat' } });
    // Someone who guessed on: even the right PIN now changes nothing, and the alerts go on.
    expect(await endWithPin(seller.id, { checkinId: id, pin: PIN }, after(T, 8))).toEqual({ ok: false, fieldErrors: { pin: 'pinWrong' } });
    expect(await openCheckinOf(seller.id)).toMatchObject({ id });
    await escalationTick(after(T, 18), db());
    expect(await counts(db(), buddies, 'checkin_overdue')).toEqual([2, 2]);
    // A buddy's "I'm handling it" is what ends them.
    expect(await acknowledge(buddies[0]!.id, { checkinId: id }, after(T, 19))).toEqual({ ok: true });
    // With a buddy on it, her PIN ends the check-in again (she can start the next one).
    expect(await endWithPin(seller.id, { checkinId: id, pin: PIN }, after(T, 20))).toEqual({ ok: true });
    expect(await openCheckinOf(seller.id)).toBeNull();
  });
});
