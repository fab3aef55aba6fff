import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

export const reportCategory = pgEnum('report_category', [
  'violence',
  'sexual_assault',
  'robbery',
  'payment',
  'no_show',
  'blackmail',
  'boundary',
  'police',
  'other',
]);
export const reportSeverity = pgEnum('report_severity', ['dangerous', 'risky', 'annoying']);
export const reportState = pgEnum('report_state', ['live', 'hidden', 'removed']);
export const reportIdentifierKind = pgEnum('report_identifier_kind', ['pseudonym', 'phone', 'plate', 'handle']);
export const reportMarkReason = pgEnum('report_mark_reason', ['not_what_happened', 'wrong_person', 'duplicate', 'retaliation', 'other']);

/** The short list of regions a report names, maintained by the coordinators. */
export const reportRegions = pgTable(
  'report_regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('report_regions_name_idx').on(sql`lower(${t.name})`)],
);

/**
 * A structured incident report. No reporter column: she withdraws it with a random code shown to
 * her once, kept here only as a keyed hash, so not even the server's secrets link a report to its
 * author. The description and the identifiers as typed exist only as AES-256-GCM ciphertext
 * bound to the row; matching goes through report_identifiers. Deleted on `expires_on`.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    category: reportCategory('category').notNull(),
    severity: reportSeverity('severity').notNull(),
    /** The day it happened, never a time of day. */
    occurredOn: date('occurred_on').notNull(),
    regionId: uuid('region_id').references(() => reportRegions.id, { onDelete: 'set null' }),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    expiresOn: date('expires_on').notNull(),
    state: reportState('state').notNull().default('live'),
    /** Keyed hash of the withdrawal code (HKDF purpose 'report-withdrawal'). */
    withdrawalHash: text('withdrawal_hash').notNull(),
    /** Description and identifiers for display; null once a coordinator removed the report. */
    keyVersion: integer('key_version'),
    ciphertext: text('ciphertext'),
    /** A coordinator's note after a review, sealed like the body. */
    annotationKeyVersion: integer('annotation_key_version'),
    annotationCiphertext: text('annotation_ciphertext'),
  },
  (t) => [
    uniqueIndex('reports_withdrawal_idx').on(t.withdrawalHash),
    index('reports_expires_idx').on(t.expiresOn),
    index('reports_created_idx').on(t.createdOn),
  ],
);

/**
 * What a report can be found by: HMAC (HKDF purpose 'report-identifier', a key for nothing else)
 * of the normalised identifier. `reporter_tag` is a keyed hash of the reporter and this identifier
 * only: it counts distinct reporters of one identifier, and links nothing across identifiers.
 */
export const reportIdentifiers = pgTable(
  'report_identifiers',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    kind: reportIdentifierKind('kind').notNull(),
    hash: text('hash').notNull(),
    reporterTag: text('reporter_tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind, t.hash] }), index('report_identifiers_hash_idx').on(t.hash)],
);

/**
 * "This seems wrong": one per seller per report. The seller is kept only as a keyed hash of her
 * id and the report's (HKDF purpose 'report-mark'): enough to refuse a second mark, no more.
 */
export const reportMarks = pgTable(
  'report_marks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    markerRef: text('marker_ref').notNull(),
    reason: reportMarkReason('reason').notNull(),
    noteKeyVersion: integer('note_key_version'),
    noteCiphertext: text('note_ciphertext'),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    /** Set when a coordinator has decided (kept, hidden or removed the report). */
    closedOn: date('closed_on'),
  },
  (t) => [uniqueIndex('report_marks_one_idx').on(t.reportId, t.markerRef), index('report_marks_open_idx').on(t.closedOn, t.createdOn)],
);

/** Expired reports, counted before deletion: the week they were made (Monday), category and severity. */
export const reportExpiredCounts = pgTable(
  'report_expired_counts',
  {
    week: date('week').notNull(),
    category: reportCategory('category').notNull(),
    severity: reportSeverity('severity').notNull(),
    reports: integer('reports').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.week, t.category, t.severity] })],
);

/**
 * Free-text warnings posted to the board, per week (Monday): they count in the report figures as
 * category "other", without a severity. A counter only: the warnings themselves expire.
 */
export const boardWarningCounts = pgTable('board_warning_counts', {
  week: date('week').primaryKey(),
  warnings: integer('warnings').notNull().default(0),
});

/** Look-ups per day and how many of them showed a warning: a daily counter, never per person. */
export const lookupDailyCounts = pgTable('lookup_daily_counts', {
  day: date('day').primaryKey(),
  lookups: integer('lookups').notNull().default(0),
  warnings: integer('warnings').notNull().default(0),
});

/** The regions a seller wants alerts about dangerous reports for; none means every region. */
export const sellerAlertRegions = pgTable(
  'seller_alert_regions',
  {
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => reportRegions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.regionId] }), index('seller_alert_regions_region_idx').on(t.regionId)],
);
