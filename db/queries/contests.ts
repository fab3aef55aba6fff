import 'server-only';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { buyerCounters, flagContests, ratings, users } from '../schema';

export type NewContest = typeof flagContests.$inferInsert;

/** Inserts a buyer's contest unless one of hers is still open (her row locked: parallel sends queue). */
export async function insertContest(values: NewContest & { id: string }, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, values.buyerId)).for('update');
    const open = await tx.$count(flagContests, and(eq(flagContests.buyerId, values.buyerId), isNull(flagContests.closedOn)));
    if (open > 0) return false;
    await tx.insert(flagContests).values(values);
    return true;
  });
}

/** The pseudonym keys of people with an open contest: the review also shows the reports that name them. */
export async function openContestPseudonymKeys(db: Executor = getDb()): Promise<string[]> {
  const rows = await db.selectDistinct({ key: users.pseudonymKey }).from(flagContests).innerJoin(users, eq(users.id, flagContests.buyerId)).where(isNull(flagContests.closedOn));
  return rows.map((r) => r.key);
}

export async function hasOpenContest(buyerId: string, db: Executor = getDb()) {
  return (await db.$count(flagContests, and(eq(flagContests.buyerId, buyerId), isNull(flagContests.closedOn)))) > 0;
}

const contestColumns = {
  id: flagContests.id,
  buyerId: flagContests.buyerId,
  buyer: users.pseudonym,
  reason: flagContests.reason,
  noteKeyVersion: flagContests.noteKeyVersion,
  noteCiphertext: flagContests.noteCiphertext,
  annotationKeyVersion: flagContests.annotationKeyVersion,
  annotationCiphertext: flagContests.annotationCiphertext,
  createdOn: flagContests.createdOn,
  closedOn: flagContests.closedOn,
};

/** Open contests first, oldest first; then the latest closed ones. */
export async function listContests(db: Executor = getDb()) {
  return db
    .select(contestColumns)
    .from(flagContests)
    .innerJoin(users, eq(users.id, flagContests.buyerId))
    .orderBy(sql`${flagContests.closedOn} is not null`, asc(flagContests.createdOn), desc(flagContests.closedOn))
    .limit(100);
}

export async function findContest(id: string, db: Executor = getDb()) {
  const [row] = await db.select(contestColumns).from(flagContests).innerJoin(users, eq(users.id, flagContests.buyerId)).where(eq(flagContests.id, id));
  return row ?? null;
}

export async function contestsOf(buyerId: string, db: Executor = getDb()) {
  return db.select(contestColumns).from(flagContests).innerJoin(users, eq(users.id, flagContests.buyerId)).where(eq(flagContests.buyerId, buyerId)).orderBy(asc(flagContests.createdOn));
}

export async function setAnnotation(id: string, sealed: { keyVersion: number; ciphertext: string }, db: Executor = getDb()) {
  const rows = await db
    .update(flagContests)
    .set({ annotationKeyVersion: sealed.keyVersion, annotationCiphertext: sealed.ciphertext })
    .where(eq(flagContests.id, id))
    .returning({ id: flagContests.id });
  return rows.length > 0;
}

export async function closeContest(id: string, db: Executor = getDb()) {
  const rows = await db.update(flagContests).set({ closedOn: sql`current_date` }).where(and(eq(flagContests.id, id), isNull(flagContests.closedOn))).returning({ id: flagContests.id });
  return rows.length > 0;
}

/** A buyer's live counters (the review shows what sellers' look-ups show); zeros when none. */
export async function buyerCountsOf(buyerId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ ratings: buyerCounters.ratings, safeNo: buyerCounters.safeNo, reliableNo: buyerCounters.reliableNo, raters: buyerCounters.raters, unsafeRaters: buyerCounters.unsafeRaters, unreliableRaters: buyerCounters.unreliableRaters })
    .from(buyerCounters)
    .where(eq(buyerCounters.buyerId, buyerId));
  return row ?? { ratings: 0, safeNo: 0, reliableNo: 0, raters: 0, unsafeRaters: 0, unreliableRaters: 0 };
}

/** The flags sellers gave a buyer: which flag and when, never who. */
export async function flagsAbout(buyerId: string, db: Executor = getDb()) {
  return db
    .select({ ratingId: ratings.id, safe: ratings.safe, reliable: ratings.reliable, createdOn: ratings.createdOn })
    .from(ratings)
    .where(and(eq(ratings.rateeId, buyerId), eq(ratings.direction, 'seller_rates_buyer'), or(eq(ratings.safe, false), eq(ratings.reliable, false))))
    .orderBy(desc(ratings.createdOn));
}

/** For key rotation: contests with a note or annotation not under the current key. */
export async function contestTextsNotUnder(version: number, limit: number, db: Executor = getDb()) {
  return db
    .select({ id: flagContests.id, buyerId: flagContests.buyerId, noteKeyVersion: flagContests.noteKeyVersion, noteCiphertext: flagContests.noteCiphertext, annotationKeyVersion: flagContests.annotationKeyVersion, annotationCiphertext: flagContests.annotationCiphertext })
    .from(flagContests)
    .where(or(sql`${flagContests.noteKeyVersion} <> ${version}`, sql`${flagContests.annotationKeyVersion} <> ${version}`))
    .orderBy(asc(flagContests.id))
    .limit(limit);
}

export async function replaceContestText(id: string, field: 'note' | 'annotation', from: number, next: { keyVersion: number; ciphertext: string }, db: Executor = getDb()) {
  const set = field === 'note' ? { noteKeyVersion: next.keyVersion, noteCiphertext: next.ciphertext } : { annotationKeyVersion: next.keyVersion, annotationCiphertext: next.ciphertext };
  const version = field === 'note' ? flagContests.noteKeyVersion : flagContests.annotationKeyVersion;
  await db.update(flagContests).set(set).where(and(eq(flagContests.id, id), eq(version, from)));
}
