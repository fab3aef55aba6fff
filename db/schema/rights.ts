import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

export const changelogEntry = pgEnum('changelog_entry', [
  'flag_removed',
  'report_removed',
  'proposal_closed',
  'parameter_version',
  'release',
  'financial_report',
]);

/**
 * The public record: review decisions, parameter versions and their votes, releases, financial
 * reports; a date and what happened, never who or about whom. Hash-chained (lib/governance/chain.ts):
 * each entry's hash covers its content and the previous entry's hash. Append only through
 * db/queries/changelog.ts; a row written without a hash is sealed into the chain by the next append.
 */
export const publicChangelog = pgTable(
  'public_changelog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    changedOn: date('changed_on').notNull().default(sql`current_date`),
    entry: changelogEntry('entry').notNull(),
    /** What happened, in aggregate (lib/governance/changelog-entries.ts). */
    body: jsonb('body').notNull().default({}),
    /** Position in the chain, from 1; null until sealed. */
    seq: integer('seq'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('public_changelog_changed_idx').on(t.changedOn), uniqueIndex('public_changelog_seq_idx').on(t.seq)],
);
