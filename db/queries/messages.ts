import 'server-only';
import { aliasedTable, and, asc, desc, eq, gt, lt, lte, ne, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { messages, users } from '../schema';
import { notify, notifyAllSellers } from './notifications';
import { countBoardWarning } from './report-metrics';

export type NewMessage = typeof messages.$inferInsert;

/**
 * Inserts the message unless its sender has already sent `perDay` today. The sender's row is
 * locked first, so her parallel sends queue and the count cannot be overtaken.
 */
export async function insertMessageWithinLimit(values: NewMessage, perDay: number, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, values.senderId)).for('update');
    if ((await countSentToday(values.senderId, tx)) >= perDay) return false;
    await tx.insert(messages).values(values);
    // The notification centre and push, with the message: both or neither.
    if (values.kind === 'warning') {
      await notifyAllSellers(values.senderId, 'warning', tx);
      await countBoardWarning(tx);
    } else if (values.recipientId) await notify([values.recipientId], 'message', tx);
    return true;
  });
}

/** The UTC day of a moment: expiry is a date, and a message is deleted on its expiry day. */
const day = (now: Date) => now.toISOString().slice(0, 10);
const live = (now: Date) => gt(messages.expiresOn, day(now));
const sender = aliasedTable(users, 'sender');
const recipient = aliasedTable(users, 'recipient');

const columns = {
  id: messages.id,
  kind: messages.kind,
  keyVersion: messages.keyVersion,
  aadVersion: messages.aadVersion,
  ciphertext: messages.ciphertext,
  createdOn: messages.createdOn,
  expiresOn: messages.expiresOn,
  read: messages.read,
  senderId: messages.senderId,
  sender: sender.pseudonym,
  recipientId: messages.recipientId,
  recipient: recipient.pseudonym,
};

/** Every live direct message to or from this seller (her own only), oldest first. */
export async function listDirect(userId: string, now: Date, db: Executor = getDb()) {
  return db
    .select(columns)
    .from(messages)
    .innerJoin(sender, eq(sender.id, messages.senderId))
    .innerJoin(recipient, eq(recipient.id, messages.recipientId))
    .where(and(eq(messages.kind, 'direct'), live(now), or(eq(messages.senderId, userId), eq(messages.recipientId, userId))))
    .orderBy(asc(messages.seq));
}

/** Live warnings, newest first; optionally only those naming one buyer (by keyed hash). */
export async function listWarnings(now: Date, buyerRef?: string, db: Executor = getDb()) {
  return db
    .select({ ...columns, recipient: sql<null>`null`, recipientId: sql<null>`null` })
    .from(messages)
    .innerJoin(sender, eq(sender.id, messages.senderId))
    .where(and(eq(messages.kind, 'warning'), live(now), buyerRef ? eq(messages.buyerRef, buyerRef) : undefined))
    .orderBy(desc(messages.seq))
    .limit(200);
}

export async function countWarningsAbout(buyerRef: string, now: Date, db: Executor = getDb()) {
  return db.$count(messages, and(eq(messages.kind, 'warning'), eq(messages.buyerRef, buyerRef), live(now)));
}

/** Live warnings by other sellers that she has not seen on the board yet (newer than her high-water mark). */
export async function countNewWarnings(userId: string, now: Date, db: Executor = getDb()) {
  const seen = db.select({ seq: users.warningsSeenSeq }).from(users).where(eq(users.id, userId));
  return db.$count(messages, and(eq(messages.kind, 'warning'), live(now), ne(messages.senderId, userId), gt(messages.seq, sql`(${seen})`)));
}

/** The newest live warning's place in the order (null: none). */
export async function newestWarningSeq(now: Date, db: Executor = getDb()): Promise<number | null> {
  const [row] = await db.select({ seq: sql<string | null>`max(${messages.seq})` }).from(messages).where(and(eq(messages.kind, 'warning'), live(now)));
  return row?.seq == null ? null : Number(row.seq);
}

/** She has seen every warning up to `seq`; never moves the mark backwards (two tabs, an older list). */
export async function markWarningsSeen(userId: string, seq: number, db: Executor = getDb()) {
  await db
    .update(users)
    .set({ warningsSeenSeq: sql`greatest(${users.warningsSeenSeq}, ${seq})` })
    .where(and(eq(users.id, userId), lt(users.warningsSeenSeq, seq)));
}

export async function countUnread(userId: string, now: Date, db: Executor = getDb()) {
  return db.$count(messages, and(eq(messages.recipientId, userId), eq(messages.read, false), live(now)));
}

export async function markConversationRead(userId: string, otherId: string, db: Executor = getDb()) {
  await db
    .update(messages)
    .set({ read: true })
    .where(and(eq(messages.recipientId, userId), eq(messages.senderId, otherId), eq(messages.read, false)));
}

/** Messages sent today: the daily send limit. */
export async function countSentToday(userId: string, db: Executor = getDb()) {
  return db.$count(messages, and(eq(messages.senderId, userId), eq(messages.createdOn, sql`current_date`)));
}

/** A sender deletes her own message early: a real DELETE. */
export async function deleteOwnMessage(userId: string, id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db.delete(messages).where(and(eq(messages.id, id), eq(messages.senderId, userId))).returning({ id: messages.id });
  return rows.length > 0;
}

/** Physically deletes every message whose expiry day has come. */
export async function purgeExpiredMessages(now: Date, db: Executor = getDb()): Promise<number> {
  const rows = await db.delete(messages).where(lte(messages.expiresOn, day(now))).returning({ id: messages.id });
  return rows.length;
}

/** For key rotation: a batch of messages not yet under the current key or not bound to their sender and recipient. */
export async function messagesNotUnder(version: number, limit: number, aadVersion: number, db: Executor = getDb()) {
  return db
    .select({
      id: messages.id,
      keyVersion: messages.keyVersion,
      aadVersion: messages.aadVersion,
      ciphertext: messages.ciphertext,
      kind: messages.kind,
      senderId: messages.senderId,
      recipientId: messages.recipientId,
    })
    .from(messages)
    .where(or(ne(messages.keyVersion, version), ne(messages.aadVersion, aadVersion)))
    .orderBy(asc(messages.seq))
    .limit(limit);
}

/** Replaces one row's ciphertext, unless it changed since it was read (a concurrent rotation). */
export async function replaceCiphertext(
  id: string,
  from: { keyVersion: number; aadVersion: number },
  next: { keyVersion: number; aadVersion: number; ciphertext: string },
  db: Executor = getDb(),
) {
  await db
    .update(messages)
    .set(next)
    .where(and(eq(messages.id, id), eq(messages.keyVersion, from.keyVersion), eq(messages.aadVersion, from.aadVersion)));
}
