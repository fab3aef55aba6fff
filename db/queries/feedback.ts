import 'server-only';
import { and, asc, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { feedback, feedbackGiven, feedbackQueue } from '../schema';

const thisWeek = sql`date_trunc('week', current_date)::date`;

export async function gaveFeedbackThisWeek(userId: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(feedbackGiven, and(eq(feedbackGiven.userId, userId), eq(feedbackGiven.weekStart, thisWeek)))) > 0;
}

/**
 * Records that she answered this week and, separately, what she answered: the two rows share
 * nothing. What she answered waits in feedback_queue for the daily batch, which writes it among
 * the day's other answers in a random order and its own transaction (this one's id would name her).
 * False when she already answered this week (a race or a second tab).
 */
export async function insertFeedback(
  userId: string,
  row: { id: string; satisfaction: number; helped: boolean; noteKeyVersion: number | null; noteCiphertext: string | null },
  noteDays: number,
  db: Executor = getDb(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const given = await tx.insert(feedbackGiven).values({ userId, weekStart: thisWeek }).onConflictDoNothing().returning({ userId: feedbackGiven.userId });
    if (given.length === 0) return false;
    await tx.insert(feedbackQueue).values({
      ...row,
      weekStart: thisWeek,
      noteExpiresOn: row.noteCiphertext ? sql`current_date + ${sql.raw(String(Math.trunc(noteDays)))}` : null,
    });
    return true;
  });
}

/** Per week since a Monday: responses, average satisfaction, how many said screening helped. */
export async function feedbackWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select to_char(week_start, 'YYYY-MM-DD') as week, count(*) as responses, avg(satisfaction)::float8 as satisfaction,
           count(*) filter (where helped) as helped
    from feedback where week_start >= ${since}::date group by week_start`);
  return rows.map((r) => ({ week: String(r.week), responses: Number(r.responses), satisfaction: Number(r.satisfaction), helped: Number(r.helped) }));
}

/** Live notes, newest week first; within a week in an order that says nothing about who or when. */
export async function liveNotes(db: Executor = getDb()) {
  return db
    .select({ id: feedback.id, weekStart: feedback.weekStart, keyVersion: feedback.noteKeyVersion, ciphertext: feedback.noteCiphertext })
    .from(feedback)
    .where(and(isNotNull(feedback.noteCiphertext), gte(feedback.noteExpiresOn, sql`current_date`)))
    .orderBy(desc(feedback.weekStart), asc(feedback.id));
}

/** Erases notes older than their 90 days (the scores stay, unattributed). */
export async function eraseExpiredNotes(db: Executor = getDb()) {
  await db
    .update(feedback)
    .set({ noteCiphertext: null, noteKeyVersion: null })
    .where(and(isNotNull(feedback.noteCiphertext), lt(feedback.noteExpiresOn, sql`current_date`)));
}

/** For key rotation: notes not yet under the current key. */
export async function notesNotUnder(version: number, limit: number, db: Executor = getDb()) {
  return db
    .select({ id: feedback.id, keyVersion: feedback.noteKeyVersion, ciphertext: feedback.noteCiphertext })
    .from(feedback)
    .where(and(isNotNull(feedback.noteCiphertext), sql`${feedback.noteKeyVersion} <> ${version}`))
    .orderBy(asc(feedback.id))
    .limit(limit);
}

export async function replaceNote(id: string, fromVersion: number, keyVersion: number, ciphertext: string, db: Executor = getDb()) {
  await db
    .update(feedback)
    .set({ noteKeyVersion: keyVersion, noteCiphertext: ciphertext })
    .where(and(eq(feedback.id, id), eq(feedback.noteKeyVersion, fromVersion)));
}
