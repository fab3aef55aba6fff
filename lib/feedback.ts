import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { lastWeeks } from '@/db/queries/metrics';
import { feedbackWeeks, gaveFeedbackThisWeek, insertFeedback, liveNotes } from '@/db/queries/feedback';
import { fieldErrorsOf, type Outcome } from './accounts/errors';
import { decryptMessage, encryptMessage } from './messages/crypto';
import { suppressCount, suppressRate } from './metrics/suppress';
import { FEEDBACK_NOTE_MAX } from './feedback-limits';

export const NOTE_MAX = FEEDBACK_NOTE_MAX;
export const NOTE_DAYS = 90;

export const feedbackSchema = z.object({
  satisfaction: z.coerce.number('satisfactionRequired').int('satisfactionRequired').min(1, 'satisfactionRequired').max(5, 'satisfactionRequired'),
  helped: z.enum(['yes', 'no'], 'helpedRequired').transform((v) => v === 'yes'),
  note: z.string().trim().max(NOTE_MAX, 'noteTooLong').optional().transform((n) => n || undefined),
});

export { gaveFeedbackThisWeek };

/** A seller's weekly feedback: once a week, stored without her name. */
export async function submitFeedback(userId: string, input: unknown): Promise<Outcome> {
  const parsed = feedbackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { satisfaction, helped, note } = parsed.data;
  const id = randomUUID();
  const sealed = note ? encryptMessage(id, { body: note }) : null;
  const stored = await insertFeedback(
    userId,
    { id, satisfaction, helped, noteKeyVersion: sealed?.keyVersion ?? null, noteCiphertext: sealed?.ciphertext ?? null },
    NOTE_DAYS,
  );
  return stored ? { ok: true } : { ok: false, formError: 'feedbackAlreadyGiven' };
}

export interface FeedbackWeek {
  week: string;
  responses: number | null;
  satisfaction: number | null;
  helped: number | null;
}

/** The last 12 weeks of feedback, suppressed under five responses (each response is one seller). */
export async function weeklyFeedback(): Promise<FeedbackWeek[]> {
  const weeks = await lastWeeks();
  const rows = new Map((await feedbackWeeks(weeks[0]!)).map((r) => [r.week, r]));
  return weeks.map((week) => {
    const r = rows.get(week) ?? { responses: 0, satisfaction: 0, helped: 0 };
    return {
      week,
      responses: suppressCount(r.responses, r.responses),
      satisfaction: suppressRate(r.satisfaction * r.responses, r.responses, r.responses),
      helped: suppressRate(r.helped, r.responses, r.responses),
    };
  });
}

/** The notes of the last 90 days: the week only, no author, no date. */
export async function feedbackNotes(): Promise<{ id: string; week: string; text: string | null }[]> {
  return (await liveNotes()).map((n) => ({
    id: n.id,
    week: n.weekStart,
    text: n.ciphertext && n.keyVersion !== null ? (decryptMessage({ id: n.id, keyVersion: n.keyVersion, ciphertext: n.ciphertext })?.body ?? null) : null,
  }));
}
