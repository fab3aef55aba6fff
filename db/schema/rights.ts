import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

export const contestReason = pgEnum('contest_reason', ['never_met', 'did_not_happen', 'retaliation', 'other']);

/**
 * A buyer's "a flag about me is wrong": a review item for coordinators. The buyer's own note and
 * the coordinator's annotation are AES-256-GCM ciphertext under the message keys, bound to the
 * row and the buyer. Nothing here names a rater: the review shows flags, never who gave them.
 */
export const flagContests = pgTable(
  'flag_contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: contestReason('reason').notNull(),
    noteKeyVersion: integer('note_key_version'),
    noteCiphertext: text('note_ciphertext'),
    annotationKeyVersion: integer('annotation_key_version'),
    annotationCiphertext: text('annotation_ciphertext'),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    closedOn: date('closed_on'),
  },
  (t) => [index('flag_contests_open_idx').on(t.closedOn, t.createdOn), index('flag_contests_buyer_idx').on(t.buyerId)],
);

export const changelogEntry = pgEnum('changelog_entry', ['flag_removed']);

/** The public record of review decisions: a date and what happened, never who or about whom. */
export const publicChangelog = pgTable(
  'public_changelog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    changedOn: date('changed_on').notNull().default(sql`current_date`),
    entry: changelogEntry('entry').notNull(),
  },
  (t) => [index('public_changelog_changed_idx').on(t.changedOn)],
);
