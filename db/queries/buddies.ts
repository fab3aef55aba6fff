import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '../index';
import { buddies, users } from '../schema';
import { notify } from './notifications';

export type BuddyRefusal = 'buddyExists' | 'buddiesFull' | 'otherBuddiesFull' | 'tooManyInvites' | 'buddyGone';

/**
 * Locks both sellers' rows (in id order, so two requests between the same pair queue rather than
 * deadlock): the count of accepted buddies cannot be overtaken by a parallel accept.
 */
async function lockPair(a: string, b: string, tx: Executor) {
  await tx.select({ id: users.id }).from(users).where(inArray(users.id, [a, b])).orderBy(asc(users.id)).for('update');
}

const involves = (userId: string) => or(eq(buddies.requesterId, userId), eq(buddies.addresseeId, userId));

async function acceptedCount(userId: string, tx: Executor): Promise<number> {
  return tx.$count(buddies, and(involves(userId), eq(buddies.accepted, true)));
}

/**
 * Asks `addresseeId` to be `requesterId`'s buddy and tells her (a buddy_request notification).
 * When she had already asked the requester, this accepts her request instead.
 */
export async function inviteBuddy(
  requesterId: string,
  addresseeId: string,
  limits: { maxBuddies: number; maxPending: number },
  db: Executor = getDb(),
): Promise<{ ok: true; accepted: boolean } | { ok: false; reason: BuddyRefusal }> {
  return db.transaction(async (tx) => {
    await lockPair(requesterId, addresseeId, tx);
    const [pair] = await tx
      .select({ id: buddies.id, accepted: buddies.accepted, requesterId: buddies.requesterId })
      .from(buddies)
      .where(
        or(
          and(eq(buddies.requesterId, requesterId), eq(buddies.addresseeId, addresseeId)),
          and(eq(buddies.requesterId, addresseeId), eq(buddies.addresseeId, requesterId)),
        ),
      );
    if (pair && (pair.accepted || pair.requesterId === requesterId)) return { ok: false, reason: 'buddyExists' } as const;
    if ((await acceptedCount(requesterId, tx)) >= limits.maxBuddies) return { ok: false, reason: 'buddiesFull' } as const;
    if (pair) {
      if ((await acceptedCount(addresseeId, tx)) >= limits.maxBuddies) return { ok: false, reason: 'otherBuddiesFull' } as const;
      await tx.update(buddies).set({ accepted: true }).where(eq(buddies.id, pair.id));
      return { ok: true, accepted: true } as const;
    }
    const pending = await tx.$count(buddies, and(eq(buddies.requesterId, requesterId), eq(buddies.accepted, false)));
    if (pending >= limits.maxPending) return { ok: false, reason: 'tooManyInvites' } as const;
    await tx.insert(buddies).values({ requesterId, addresseeId });
    await notify([addresseeId], 'buddy_request', tx);
    return { ok: true, accepted: false } as const;
  });
}

/** She accepts a request addressed to her, if both still have room for another buddy. */
export async function acceptBuddy(
  userId: string,
  pairId: string,
  maxBuddies: number,
  db: Executor = getDb(),
): Promise<{ ok: true } | { ok: false; reason: BuddyRefusal }> {
  return db.transaction(async (tx) => {
    const [pair] = await tx
      .select({ requesterId: buddies.requesterId })
      .from(buddies)
      .where(and(eq(buddies.id, pairId), eq(buddies.addresseeId, userId), eq(buddies.accepted, false)));
    if (!pair) return { ok: false, reason: 'buddyGone' } as const;
    await lockPair(userId, pair.requesterId, tx);
    // Read again under the lock: withdrawn or accepted meanwhile.
    const still = await tx.$count(buddies, and(eq(buddies.id, pairId), eq(buddies.accepted, false)));
    if (still === 0) return { ok: false, reason: 'buddyGone' } as const;
    if ((await acceptedCount(userId, tx)) >= maxBuddies) return { ok: false, reason: 'buddiesFull' } as const;
    if ((await acceptedCount(pair.requesterId, tx)) >= maxBuddies) return { ok: false, reason: 'otherBuddiesFull' } as const;
    await tx.update(buddies).set({ accepted: true }).where(eq(buddies.id, pairId));
    return { ok: true } as const;
  });
}

/** Declines, withdraws or ends a pairing she is part of: the row is deleted. */
export async function removeBuddy(userId: string, pairId: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db.delete(buddies).where(and(eq(buddies.id, pairId), involves(userId))).returning({ id: buddies.id });
  return rows.length > 0;
}

const other = alias(users, 'other');

export interface BuddyRow {
  id: string;
  pseudonym: string;
  accepted: boolean;
  /** True when she asked (an open invitation of hers), false when she was asked. */
  mine: boolean;
}

/** Her buddies and open requests both ways, by the other's pseudonym. */
export async function listBuddies(userId: string, db: Executor = getDb()): Promise<BuddyRow[]> {
  return db
    .select({
      id: buddies.id,
      pseudonym: other.pseudonym,
      accepted: buddies.accepted,
      mine: sql<boolean>`${buddies.requesterId} = ${userId}`,
    })
    .from(buddies)
    .innerJoin(other, eq(other.id, sql`case when ${buddies.requesterId} = ${userId} then ${buddies.addresseeId} else ${buddies.requesterId} end`))
    .where(involves(userId))
    .orderBy(asc(other.pseudonymKey));
}

/** The ids of her accepted buddies: who is alerted. */
export async function buddyIdsOf(userId: string, db: Executor = getDb()): Promise<string[]> {
  const rows = await db
    .select({ id: sql<string>`case when ${buddies.requesterId} = ${userId} then ${buddies.addresseeId} else ${buddies.requesterId} end` })
    .from(buddies)
    .where(and(involves(userId), eq(buddies.accepted, true)));
  return rows.map((r) => r.id);
}
