import 'server-only';
import { acknowledgeAlarm, alarmsOf } from '@/db/queries/alarms';
import { buddyIdsOf } from '@/db/queries/buddies';
import { acknowledgeCheckin, escalatedCheckinsOf } from '@/db/queries/checkins';
import type { Outcome } from '@/lib/accounts/errors';
import { openNote, openPosition } from './crypto';
import type { Position } from './rules';

export interface CheckinAlert {
  id: string;
  seller: string;
  endsAt: Date;
  alerts: number;
  note: string | null;
  buyer: string | null;
  /** The buddy who said "I'm handling it", or null while nobody has. */
  handler: string | null;
}

export interface AlarmAlert {
  id: string;
  seller: string;
  kind: 'panic' | 'duress';
  createdAt: Date;
  alerts: number;
  note: string | null;
  buyer: string | null;
  position: Position | null;
  handler: string | null;
}

/**
 * What her buddies need from her: overdue check-ins (with the note, readable only now that alerts
 * have gone out) and alarms (with a duress alarm's note and a panic alarm's position, if any).
 */
export async function alertsFor(userId: string): Promise<{ checkins: CheckinAlert[]; alarms: AlarmAlert[] }> {
  const buddies = await buddyIdsOf(userId);
  const [checkins, alarms] = await Promise.all([escalatedCheckinsOf(buddies), alarmsOf(buddies)]);
  return {
    checkins: checkins.map((c) => ({
      id: c.id,
      seller: c.seller,
      endsAt: c.endsAt,
      alerts: c.step,
      note: c.noteCiphertext ? openNote(c.id, c.sellerId, c.noteCiphertext) : null,
      buyer: c.buyer,
      handler: c.handler,
    })),
    alarms: alarms.map((a) => ({
      id: a.id,
      seller: a.seller,
      kind: a.kind,
      createdAt: a.createdAt,
      alerts: a.step,
      note: a.checkinId && a.noteCiphertext ? openNote(a.checkinId, a.sellerId, a.noteCiphertext) : null,
      buyer: a.kind === 'duress' ? a.buyer : null,
      position: a.positionCiphertext ? openPosition(a.id, a.sellerId, a.positionCiphertext) : null,
      handler: a.endedAt ? a.handler : null,
    })),
  };
}

/** "I'm handling it": a buddy stops the alerts of one of her buddies' check-ins or alarms. */
export async function acknowledge(userId: string, what: { checkinId?: string; alarmId?: string }, now = new Date()): Promise<Outcome> {
  const buddies = await buddyIdsOf(userId);
  const done = what.checkinId
    ? await acknowledgeCheckin(what.checkinId, userId, buddies)
    : what.alarmId
      ? await acknowledgeAlarm(what.alarmId, userId, buddies, now)
      : false;
  return done ? { ok: true } : { ok: false, formError: 'alertGone' };
}
