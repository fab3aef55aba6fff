import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '../index';
import { alarms, checkins, users } from '../schema';

export type NewAlarm = typeof alarms.$inferInsert;

export async function insertAlarm(values: NewAlarm, db: Executor = getDb()) {
  await db.insert(alarms).values(values);
}

/** Unanswered alarms whose next alert is due: the tick's work list. */
export async function dueAlarms(now: Date, limit: number, db: Executor = getDb()) {
  return db
    .select({ id: alarms.id, step: alarms.step })
    .from(alarms)
    .where(and(isNull(alarms.endedAt), lte(alarms.nextAlertAt, now)))
    .orderBy(asc(alarms.nextAlertAt))
    .limit(limit);
}

/** Claims alert number `step + 1` of an alarm, as claimCheckinStep does for a check-in. */
export async function claimAlarmStep(id: string, step: number, now: Date, next: Date, db: Executor) {
  const [row] = await db
    .update(alarms)
    .set({ step: step + 1, nextAlertAt: next })
    .where(and(eq(alarms.id, id), eq(alarms.step, step), lte(alarms.nextAlertAt, now), isNull(alarms.endedAt)))
    .returning({ sellerId: alarms.sellerId, step: alarms.step });
  return row ?? null;
}

/** A buddy answers one of her buddies' alarms: it ends (no more alerts) and is deleted 24 h later. */
export async function acknowledgeAlarm(id: string, byId: string, buddyIds: readonly string[], now: Date, db: Executor = getDb()): Promise<boolean> {
  if (buddyIds.length === 0) return false;
  const rows = await db
    .update(alarms)
    .set({ acknowledgedBy: byId, endedAt: now })
    .where(and(eq(alarms.id, id), inArray(alarms.sellerId, [...buddyIds]), isNull(alarms.endedAt)))
    .returning({ id: alarms.id });
  return rows.length > 0;
}

const seller = alias(users, 'seller');
const handler = alias(users, 'handler');
const buyer = alias(users, 'buyer');

/** Her buddies' alarms until they are deleted, newest first, with a duress alarm's check-in note. */
export async function alarmsOf(buddyIds: readonly string[], db: Executor = getDb()) {
  return db
    .select({
      id: alarms.id,
      sellerId: alarms.sellerId,
      seller: seller.pseudonym,
      kind: alarms.kind,
      createdAt: alarms.createdAt,
      step: alarms.step,
      positionCiphertext: alarms.positionCiphertext,
      checkinId: alarms.checkinId,
      noteCiphertext: checkins.noteCiphertext,
      buyer: buyer.pseudonym,
      handler: handler.pseudonym,
      endedAt: alarms.endedAt,
    })
    .from(alarms)
    .innerJoin(seller, eq(seller.id, alarms.sellerId))
    .leftJoin(checkins, eq(checkins.id, alarms.checkinId))
    .leftJoin(buyer, eq(buyer.id, checkins.buyerId))
    .leftJoin(handler, eq(handler.id, alarms.acknowledgedBy))
    .where(inArray(alarms.sellerId, [...buddyIds]))
    .orderBy(desc(alarms.createdAt));
}

/** Deletes alarms 24 h after a buddy answered, and unanswered ones 48 h after they were sent. */
export async function purgeAlarms(endedBefore: Date, unendedBefore: Date, db: Executor = getDb()): Promise<number> {
  const rows = await db
    .delete(alarms)
    .where(or(lt(alarms.endedAt, endedBefore), and(isNull(alarms.endedAt), lt(alarms.createdAt, unendedBefore))))
    .returning({ id: alarms.id });
  return rows.length;
}

/** All her alarms still kept (her data export), with her own sealed position. */
export async function alarmsOfSeller(sellerId: string, db: Executor = getDb()) {
  return db
    .select({ id: alarms.id, kind: alarms.kind, createdAt: alarms.createdAt, alerts: alarms.step, endedAt: alarms.endedAt, positionCiphertext: alarms.positionCiphertext })
    .from(alarms)
    .where(eq(alarms.sellerId, sellerId))
    .orderBy(asc(alarms.createdAt));
}
