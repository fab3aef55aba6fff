import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eraseExpiredNotes } from '@/db/queries/feedback';
import { feedback, feedbackGiven } from '@/db/schema';
import { feedbackNotes, gaveFeedbackThisWeek, submitFeedback, weeklyFeedback } from '@/lib/feedback';
import { runDailyJobs } from '@/lib/retention/daily';
import { withTestDatabase } from '../support/database';
import { dumpText } from './helpers';
import { makeUsers } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
/** Answers reach the feedback table through the daily shuffled batch; here, today's too. */
const flush = () => runDailyJobs({ force: true, includeToday: true });

describe('weekly feedback', () => {
  it('is given once a week, stored without its author, the note encrypted', async () => {
    const [seller] = await makeUsers('seller', 'Fb.One.', 1);
    expect(await gaveFeedbackThisWeek(seller!.id)).toBe(false);
    expect(await submitFeedback(seller!.id, { satisfaction: '9', helped: 'yes' })).toEqual({ ok: false, fieldErrors: { satisfaction: 'satisfactionRequired' } });
    expect(await submitFeedback(seller!.id, { satisfaction: '4', helped: 'maybe' })).toEqual({ ok: false, fieldErrors: { helped: 'helpedRequired' } });
    expect(await submitFeedback(seller!.id, { satisfaction: '4', helped: 'yes', note: 'x'.repeat(1001) })).toEqual({ ok: false, fieldErrors: { note: 'noteTooLong' } });
    expect(await db().$count(feedback)).toBe(0);

    const note = 'Screening kept me away from a violent client';
    expect(await submitFeedback(seller!.id, { satisfaction: '4', helped: 'yes', note })).toEqual({ ok: true });
    expect(await gaveFeedbackThisWeek(seller!.id)).toBe(true);
    expect(await submitFeedback(seller!.id, { satisfaction: '2', helped: 'no' })).toEqual({ ok: false, formError: 'feedbackAlreadyGiven' });
    expect(await db().$count(feedback)).toBe(0); // queued until the day's batch
    await flush();

    const [row] = await db().select().from(feedback);
    expect(Object.keys(row!).sort()).toEqual(['helped', 'id', 'noteCiphertext', 'noteExpiresOn', 'noteKeyVersion', 'satisfaction', 'weekStart']);
    expect(row!.satisfaction).toBe(4);
    const dump = await dumpText(db());
    expect(dump).not.toContain('violent');
    expect(await feedbackNotes()).toEqual([{ id: row!.id, week: row!.weekStart, text: note }]);
    expect(await db().$count(feedbackGiven, eq(feedbackGiven.userId, seller!.id))).toBe(1);
  });

  it('shows weekly figures only from five responses, and erases notes after 90 days', async () => {
    const sellers = await makeUsers('seller', 'Fb.Many.', 5);
    for (const [i, s] of sellers.slice(0, 3).entries()) await submitFeedback(s.id, { satisfaction: String(i + 1), helped: i === 0 ? 'yes' : 'no' });
    await flush();
    // With the first test's response: 4 this week.
    const week4 = (await weeklyFeedback()).at(-1)!;
    expect(week4).toMatchObject({ responses: null, satisfaction: null, helped: null });

    await submitFeedback(sellers[3]!.id, { satisfaction: '5', helped: 'yes', note: 'fine' });
    await flush();
    const week5 = (await weeklyFeedback()).at(-1)!;
    // Satisfactions 4, 1, 2, 3, 5; helped yes, yes, no, no, yes.
    expect(week5.responses).toBe(5);
    expect(week5.satisfaction).toBeCloseTo(3, 12);
    expect(week5.helped).toBeCloseTo(0.6, 12);

    expect(await feedbackNotes()).toHaveLength(2);
    await db().update(feedback).set({ noteExpiresOn: sql`current_date - 1` }).where(sql`${feedback.noteCiphertext} is not null`);
    expect(await feedbackNotes()).toHaveLength(0);
    await eraseExpiredNotes();
    const rows = await db().select().from(feedback);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.noteCiphertext === null && r.noteKeyVersion === null)).toBe(true);
  });
});
