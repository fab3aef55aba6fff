import { date, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * Buyer→seller ratings older than the retention window, folded: each rating's weight (the rater's
 * influence at fold time) frozen into sums. The weekly release adds them to the live ratings as a
 * few aggregate pseudo-ratings, which gives sellerScore the same evidence (SPEC §3).
 */
export const sellerCounters = pgTable('seller_counters', {
  sellerId: uuid('seller_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Folded ratings with at least one flag (sampleSize counts ratings, not weight). */
  ratings: integer('ratings').notNull().default(0),
  /** Σ weight over those ratings (trustedWeight). */
  weight: doublePrecision('weight').notNull().default(0),
  safeYes: doublePrecision('safe_yes').notNull().default(0),
  safeNo: doublePrecision('safe_no').notNull().default(0),
  reliableYes: doublePrecision('reliable_yes').notNull().default(0),
  reliableNo: doublePrecision('reliable_no').notNull().default(0),
});

/**
 * Seller→buyer ratings older than the window, per buyer and rater, without dates: the buyer's
 * counters never change on folding; this keeps them a recount (db/queries/rebuild.ts), the folded
 * rater a distinct rater. `rater_key` is the seller's id, or once she has deleted her account the
 * same random id her remaining ratings of this buyer carry (ratings.departed_rater).
 */
export const buyerFolds = pgTable(
  'buyer_folds',
  {
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    raterKey: uuid('rater_key').notNull(),
    ratings: integer('ratings').notNull(),
    safeYes: integer('safe_yes').notNull(),
    safeNo: integer('safe_no').notNull(),
    reliableYes: integer('reliable_yes').notNull(),
    reliableNo: integer('reliable_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.raterKey] })],
);

/** Daily timer jobs: the day each last ran, claimed with a row lock so one process runs it. */
export const dailyJobs = pgTable('daily_jobs', {
  name: text('name').primaryKey(),
  lastRunOn: date('last_run_on'),
});
