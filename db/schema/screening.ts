import { boolean, date, index, integer, jsonb, primaryKey, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * Per-buyer flag counters, updated in the same transaction as each seller→buyer rating, so a
 * look-up reads one row instead of the buyer's ratings (SPEC §1 closed form).
 */
export const buyerCounters = pgTable('buyer_counters', {
  buyerId: uuid('buyer_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  ratings: integer('ratings').notNull().default(0),
  safeYes: integer('safe_yes').notNull().default(0),
  safeNo: integer('safe_no').notNull().default(0),
  reliableYes: integer('reliable_yes').notNull().default(0),
  reliableNo: integer('reliable_no').notNull().default(0),
  /** Distinct sellers who rated this buyer, and those who flagged unsafe / unreliable at least once. */
  raters: integer('raters').notNull().default(0),
  unsafeRaters: integer('unsafe_raters').notNull().default(0),
  unreliableRaters: integer('unreliable_raters').notNull().default(0),
  /** The day of the latest unsafe flag, for the look-up's verdict ("latest: …"). */
  lastUnsafeOn: date('last_unsafe_on'),
});

/** What one seller has said of one buyer: feeds the distinct-seller counts and the daily limit. */
export const buyerSellerPairs = pgTable(
  'buyer_seller_pairs',
  {
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ratings: integer('ratings').notNull().default(0),
    unsafe: integer('unsafe').notNull().default(0),
    unreliable: integer('unreliable').notNull().default(0),
    /** For the once-a-day limit; nulled by the retention job once older than the window. */
    lastRatedOn: date('last_rated_on'),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.sellerId] })],
);

/**
 * Code redemption attempts that failed (or are being evaluated), for the per-buyer and global
 * limits over a rolling hour. Deleted after the hour: the only times of day kept, and briefly.
 * A deleted account's attempts stay (buyer null) until then, so deleting it refunds nothing.
 */
export const redeemAttempts = pgTable(
  'redeem_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buyerId: uuid('buyer_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** False when the attempt came out of the buyer's own allowance, not the global budget. */
    global: boolean('global').notNull().default(true),
  },
  (t) => [index('redeem_attempts_buyer_idx').on(t.buyerId, t.at), index('redeem_attempts_at_idx').on(t.at)],
);

/** Failed redemptions a buyer who never redeemed a code has taken from the one-off allowance of a new account. */
export const redeemAllowances = pgTable('redeem_allowances', {
  buyerId: uuid('buyer_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  used: integer('used').notNull().default(0),
});

/** The batched, sealed view of a person's own score (and the public seller profile). */
export const scoreSnapshots = pgTable('score_snapshots', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  score: jsonb('score').notNull(),
  takenOn: date('taken_on').notNull(),
  /** The parameter version the score was computed with (db/schema/governance.ts). */
  paramsVersion: integer('params_version').notNull().default(1),
});

/** When the next snapshot is due: weekly plus up to a day of random jitter. One row. */
export const snapshotSchedule = pgTable('snapshot_schedule', {
  id: integer('id').primaryKey(),
  nextDueAt: timestamp('next_due_at', { withTimezone: true }).notNull(),
});

