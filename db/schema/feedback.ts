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
