import 'server-only';
import { randomUUID } from 'node:crypto';
import { insertAlarm } from '@/db/queries/alarms';
import { buddyIdsOf } from '@/db/queries/buddies';
import { notify } from '@/db/queries/notifications';
import { getDb, type Executor } from '@/db/index';
import type { Outcome } from '@/lib/accounts/errors';
import { sealPosition } from './crypto';
import { positionSchema, roundPosition } from './rules';
import { nextAlertAfter } from './timing';

/**
 * An alarm to all her buddies at once (in-app in this transaction, push after commit), repeated by
 * the server's tick every ten minutes until one of them acknowledges. Alert 1 is sent here.
 */
export async function sendAlarm(
  sellerId: string,
  alarm: { kind: 'panic' | 'duress'; checkinId?: string; position?: { lat: number; lon: number; accuracy: number } },
  now: Date,
  db: Executor = getDb(),
): Promise<{ buddies: number }> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await insertAlarm(
      {
        id,
        sellerId,
        kind: alarm.kind,
        checkinId: alarm.checkinId ?? null,
        createdAt: now,
        positionCiphertext: alarm.position ? sealPosition(id, sellerId, roundPosition(alarm.position)) : null,
        step: 1,
        nextAlertAt: nextAlertAfter(now),
      },
      tx,
    );
    const buddies = await buddyIdsOf(sellerId, tx);
    await notify(buddies, 'alarm', tx);
    return { buddies: buddies.length };
  });
}

/**
 * The panic button's second step. The position is attached only when she ticked it and her
 * browser gave one; a malformed position is dropped, never a reason not to send the alarm.
 */
export async function panic(sellerId: string, position: { lat?: string; lon?: string; accuracy?: string } | null, now = new Date()): Promise<Outcome<{ buddies: number }>> {
  const parsed = position ? positionSchema.safeParse(position) : null;
  const result = await sendAlarm(sellerId, { kind: 'panic', position: parsed?.success ? parsed.data : undefined }, now);
  return { ok: true, ...result };
}
