import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * Weekly seller feedback, deliberately without an author: coordinators read averages and notes,
 * never who wrote them. The note is AES-256-GCM ciphertext (message keys, row id as associated
 * data) and is erased after 90 days.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    weekStart: date('week_start').notNull(),
    satisfaction: integer('satisfaction').notNull(),
    helped: boolean('helped').notNull(),
    noteKeyVersion: integer('note_key_version'),
    noteCiphertext: text('note_ciphertext'),
    noteExpiresOn: date('note_expires_on'),
  },
  (t) => [index('feedback_week_idx').on(t.weekStart)],
);

/** Who has given this week's feedback (so the form shows once a week) — and nothing of what. */
export const feedbackGiven = pgTable(
  'feedback_given',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekStart: date('week_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekStart] })],
);

/**
 * Today's feedback, waiting for the daily batch (lib/retention/daily-batch.ts), which writes the
 * day's rows into `feedback` in a random order in one transaction: a feedback row's position, id
 * and transaction id then say nothing of who wrote it, or when. Written in the author's
 * transaction (beside feedback_given), so these rows live one day at most and are vacuumed away.
 */
export const feedbackQueue = pgTable('feedback_queue', {
  id: uuid('id').primaryKey(),
  weekStart: date('week_start').notNull(),
  satisfaction: integer('satisfaction').notNull(),
  helped: boolean('helped').notNull(),
  noteKeyVersion: integer('note_key_version'),
  noteCiphertext: text('note_ciphertext'),
  noteExpiresOn: date('note_expires_on'),
  queuedOn: date('queued_on').notNull().default(sql`current_date`),
});
