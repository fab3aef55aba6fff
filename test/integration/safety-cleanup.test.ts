import { describe, expect, it } from 'vitest';
import { purgeExpired } from '@/lib/maintenance';
import { notify, purgeSafetyNotifications, unseenCount } from '@/db/queries/notifications';
import { exportAccount } from '@/lib/rights/export';
import { panic } from '@/lib/safety/alarms';
import { endWithPin } from '@/lib/safety/checkins';
import { escalationTick } from '@/lib/safety/escalation';
import { acknowledge, alertsFor } from '@/lib/safety/view';
import { withTestDatabase } from '../support/database';
import { dumpText } from './helpers';
import { after, alarmRows, checkinRow, counts, DURESS, PIN, sellerWithBuddies, started } from './safety-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const T = new Date('2026-12-04T21:00:00Z');
const HOUR = 60;

describe(`safety network: at rest and cleanup (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('notes, positions and PINs are never in the database in plaintext', async () => {
    const { seller, buddies } = await sellerWithBuddies('AtRest');
    const id = await started(seller.id, { minutes: 30, note: 'Zimmer-4711 Hotel Sonnenblick' }, T);
    const sent = await panic(seller.id, { lat: '52.5200066', lon: '13.4049544', accuracy: '12' }, T);
    expect(sent).toEqual({ ok: true, buddies: 2 });
    expect(await counts(db(), buddies, 'alarm')).toEqual([1, 1]);
    const dump = await dumpText(db());
    for (const secret of ['zimmer-4711', 'sonnenblick', '52.52', '13.40', PIN, DURESS]) expect(dump, secret).not.toContain(secret);
    // Her buddies read them (the position at once, the note once the check-in escalates).
    expect((await alertsFor(buddies[0]!.id)).alarms[0]?.position).toEqual({ lat: 52.52001, lon: 13.40495, accuracy: 12 });
    await escalationTick(after(T, 40), db());
    expect((await alertsFor(buddies[0]!.id)).checkins.map((c) => c.note)).toEqual(['Zimmer-4711 Hotel Sonnenblick']);
    expect(await checkinRow(db(), id)).not.toBeNull();
    // Her own export holds her buddies, her note and her position in words, never the PIN hashes.
    const exported = (await exportAccount(seller.id))!.safety;
    expect(exported.buddies.map((b) => [b.pseudonym, b.accepted, b.askedBy])).toEqual(buddies.map((b) => [b.pseudonym, true, 'you']));
    expect(exported.pins).toBe('set (argon2id hashes, not exported)');
    expect(exported.checkins.map((c) => [c.note, c.state, c.alertsSent])).toEqual([['Zimmer-4711 Hotel Sonnenblick', 'escalated', 1]]);
    expect(exported.alarms.map((a) => [a.kind, a.position])).toEqual([['panic', { lat: 52.52001, lon: 13.40495, accuracy: 12 }]]);
    expect(JSON.stringify(exported)).not.toContain('$argon2id$');
  });

  it('a malformed position is dropped, never a reason not to send the alarm', async () => {
    const { seller, buddies } = await sellerWithBuddies('BadPosition', 1);
    expect(await panic(seller.id, { lat: '91', lon: 'x', accuracy: '-1' }, T)).toEqual({ ok: true, buddies: 1 });
    expect((await alarmRows(db(), seller.id)).map((a) => a.positionCiphertext)).toEqual([null]);
    expect(await counts(db(), buddies, 'alarm')).toEqual([1]);
  });

  it('deleted 24 h after they end: an ended check-in and its duress alarm, an acknowledged alarm; unended ones 48 h after', async () => {
    const ended = await sellerWithBuddies('EndedOne', 1);
    const endedId = await started(ended.seller.id, { minutes: 30, note: 'ended note' }, T);
    expect(await endWithPin(ended.seller.id, { checkinId: endedId, pin: DURESS }, after(T, 20))).toEqual({ ok: true });
    const forgotten = await sellerWithBuddies('Forgotten', 1);
    const forgottenId = await started(forgotten.seller.id, { minutes: 60 }, T);
    const acked = await sellerWithBuddies('AckedAlarm', 1);
    await panic(acked.seller.id, null, T);
    const [ackedAlarm] = await alarmRows(db(), acked.seller.id);
    expect(await acknowledge(acked.buddies[0]!.id, { alarmId: ackedAlarm!.id }, after(T, 5))).toEqual({ ok: true });
    const unanswered = await sellerWithBuddies('Unanswered', 1);
    await panic(unanswered.seller.id, null, T);

    await purgeExpired(after(T, 5 + 24 * HOUR - 1));
    expect(await alarmRows(db(), acked.seller.id)).toHaveLength(1);
    await purgeExpired(after(T, 20 + 24 * HOUR - 1));
    expect(await alarmRows(db(), acked.seller.id)).toEqual([]);
    expect(await checkinRow(db(), endedId)).not.toBeNull();
    expect(await alarmRows(db(), ended.seller.id)).toHaveLength(1);
    await purgeExpired(after(T, 20 + 24 * HOUR + 1));
    expect(await checkinRow(db(), endedId)).toBeNull();
    expect(await alarmRows(db(), ended.seller.id)).toEqual([]);
    expect(await alarmRows(db(), unanswered.seller.id)).toHaveLength(1);

    // Never ended: alerts for a day after her end time, deleted a day later.
    expect(await checkinRow(db(), forgottenId)).not.toBeNull();
    await purgeExpired(after(T, 60 + 48 * HOUR + 1));
    expect(await checkinRow(db(), forgottenId)).toBeNull();
    expect(await alarmRows(db(), unanswered.seller.id)).toEqual([]);
  });

  it("alarm and overdue notifications leave with the safety data (by day), other kinds stay their 30 days", async () => {
    const { seller, buddies } = await sellerWithBuddies('NoteGone', 1);
    await panic(seller.id, null, new Date());
    await notify([buddies[0]!.id], 'message');
    await purgeSafetyNotifications(new Date()); // a cut-off today keeps today's
    expect(await counts(db(), buddies, 'alarm')).toEqual([1]);
    const unseen = await unseenCount(buddies[0]!.id); // the buddy request, the alarm, the message
    await purgeSafetyNotifications(new Date(Date.now() + 2 * 24 * 3_600_000)); // the day after tomorrow
    expect(await counts(db(), buddies, 'alarm')).toEqual([0]);
    expect(await unseenCount(buddies[0]!.id)).toBe(unseen - 1); // only the alarm went
  });
});
