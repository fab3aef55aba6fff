import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '../index';
import { checkins, safetyPins, users } from '../schema';

export type NewCheckin = typeof checkins.$inferInsert;

/** Her PIN hashes (for checking only), or null when she has not set them. */
export async function findPins(userId: string, db: Executor = getDb()) {
  const [row] = await db.select({ pinHash: safetyPins.pinHash, duressHash: safetyPins.duressHash }).from(safetyPins).where(eq(safetyPins.userId, userId));
  return row ?? null;
}

export async function hasPins(userId: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(safetyPins, eq(safetyPins.userId, userId))) > 0;
}

export async function savePins(userId: string, pinHash: string, duressHash: string, db: Executor = getDb()) {
  await db.insert(safetyPins).values({ userId, pinHash, duressHash }).onConflictDoUpdate({ target: safetyPins.userId, set: { pinHash, duressHash } });
}

/** Starts a check-in unless she has one open (her row locked: two taps start one). */
export async function insertCheckin(values: NewCheckin, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, values.sellerId)).for('update');
    if ((await tx.$count(checkins, and(eq(checkins.sellerId, values.sellerId), isNull(checkins.endedAt)))) > 0) return false;
    await tx.insert(checkins).values(values);
    return true;
  });
}

const buyer = alias(users, 'buyer');

/** Her open check-in (what her own screen shows; never the note). */
export async function openCheckinOf(sellerId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: checkins.id, endsAt: checkins.endsAt, state: checkins.state, hasNote: sql<boolean>`${checkins.noteCiphertext} is not null`, buyer: buyer.pseudonym, pinFailures: checkins.pinFailures })
    .from(checkins)
    .leftJoin(buyer, eq(buyer.id, checkins.buyerId))
    .where(and(eq(checkins.sellerId, sellerId), isNull(checkins.endedAt)));
  return row ?? null;
}

/** Moves her end time (and with it the first alert), only before any alert went out. */
export async function extendCheckin(sellerId: string, id: string, endsAt: Date, nextAlertAt: Date, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(checkins)
    .set({ endsAt, nextAlertAt })
    .where(and(eq(checkins.id, id), eq(checkins.sellerId, sellerId), eq(checkins.state, 'active'), isNull(checkins.endedAt)))
    .returning({ id: checkins.id });
  return rows.length > 0;
}

/** Ends her open check-in (her PIN or her duress PIN): no more alerts; deleted 24 h later. */
export async function endCheckin(sellerId: string, id: string, now: Date, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(checkins)
    .set({ state: 'ended', endedAt: now })
    .where(and(eq(checkins.id, id), eq(checkins.sellerId, sellerId), isNull(checkins.endedAt)))
    .returning({ id: checkins.id });
  return rows.length > 0;
}

/**
 * A wrong PIN at "I'm OK". At `escalateAt` wrong PINs (someone guessing), the first alert is due
 * at once, unless alerts already go out. Returns the count so far.
 */
export async function recordPinFailure(sellerId: string, id: string, now: Date, escalateAt: number, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .update(checkins)
    .set({
      pinFailures: sql`${checkins.pinFailures} + 1`,
      nextAlertAt: sql`case when ${checkins.pinFailures} + 1 >= ${escalateAt} and ${checkins.state} = 'active' then least(${checkins.nextAlertAt}, ${now.toISOString()}::timestamptz) else ${checkins.nextAlertAt} end`,
    })
    .where(and(eq(checkins.id, id), eq(checkins.sellerId, sellerId), isNull(checkins.endedAt)))
    .returning({ failures: checkins.pinFailures });
  return row?.failures ?? 0;
}

/** Check-ins whose next alert is due and that nobody has answered: the tick's work list. */
export async function dueCheckins(now: Date, limit: number, db: Executor = getDb()) {
  return db
    .select({ id: checkins.id, step: checkins.step })
    .from(checkins)
    .where(and(inArray(checkins.state, ['active', 'escalated']), lte(checkins.nextAlertAt, now), isNull(checkins.endedAt)))
    .orderBy(asc(checkins.nextAlertAt))
    .limit(limit);
}

/**
 * Claims alert number `step + 1`: only the process whose update still finds the step it read (and
 * the alert still due and unanswered) gets the row back; a second process gets nothing.
 */
export async function claimCheckinStep(id: string, step: number, now: Date, next: Date, db: Executor) {
  const [row] = await db
    .update(checkins)
    .set({ step: step + 1, state: 'escalated', nextAlertAt: next })
    .where(
      and(
        eq(checkins.id, id),
        eq(checkins.step, step),
        inArray(checkins.state, ['active', 'escalated']),
        lte(checkins.nextAlertAt, now),
        isNull(checkins.endedAt),
      ),
    )
    .returning({ sellerId: checkins.sellerId, step: checkins.step });
  return row ?? null;
}

/** A buddy answers an escalated check-in of one of her buddies: the alerts stop. */
export async function acknowledgeCheckin(id: string, byId: string, buddyIds: readonly string[], db: Executor = getDb()): Promise<boolean> {
  if (buddyIds.length === 0) return false;
  const rows = await db
    .update(checkins)
    .set({ state: 'acknowledged', acknowledgedBy: byId })
    .where(and(eq(checkins.id, id), inArray(checkins.sellerId, [...buddyIds]), eq(checkins.state, 'escalated'), isNull(checkins.endedAt)))
    .returning({ id: checkins.id });
  return rows.length > 0;
}

const seller = alias(users, 'seller');
const handler = alias(users, 'handler');

/**
 * Her buddies' check-ins that have escalated and are not ended: the only query that reads a note,
 * and only of rows whose alerts have gone out.
 */
export async function escalatedCheckinsOf(buddyIds: readonly string[], db: Executor = getDb()) {
  return db
    .select({
      id: checkins.id,
      sellerId: checkins.sellerId,
      seller: seller.pseudonym,
      endsAt: checkins.endsAt,
      state: checkins.state,
      step: checkins.step,
      noteCiphertext: checkins.noteCiphertext,
      buyer: buyer.pseudonym,
      handler: handler.pseudonym,
    })
    .from(checkins)
    .innerJoin(seller, eq(seller.id, checkins.sellerId))
    .leftJoin(buyer, eq(buyer.id, checkins.buyerId))
    .leftJoin(handler, eq(handler.id, checkins.acknowledgedBy))
    .where(and(inArray(checkins.sellerId, [...buddyIds]), inArray(checkins.state, ['escalated', 'acknowledged']), isNull(checkins.endedAt)))
    .orderBy(asc(checkins.endsAt));
}

/** Deletes check-ins 24 h after they ended, and those never ended 48 h after their end time. */
export async function purgeCheckins(endedBefore: Date, unendedBefore: Date, db: Executor = getDb()): Promise<number> {
  const rows = await db
    .delete(checkins)
    .where(or(lt(checkins.endedAt, endedBefore), and(isNull(checkins.endedAt), lt(checkins.endsAt, unendedBefore))))
    .returning({ id: checkins.id });
  return rows.length;
}

/** All her check-ins still kept (her data export), with her own sealed note. */
export async function checkinsOfSeller(sellerId: string, db: Executor = getDb()) {
  return db
    .select({ id: checkins.id, endsAt: checkins.endsAt, state: checkins.state, endedAt: checkins.endedAt, alerts: checkins.step, noteCiphertext: checkins.noteCiphertext })
    .from(checkins)
    .where(eq(checkins.sellerId, sellerId))
    .orderBy(asc(checkins.endsAt));
}
