import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  primaryKey,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Privacy by shape: a pseudonym and a password hash identify an account, nothing else.
// Dates, never times of day, wherever a date will do (an encounter's time of day is sensitive).

export const accountRole = pgEnum('account_role', ['seller', 'buyer', 'coordinator']);
export const ratingDirection = pgEnum('rating_direction', ['seller_rates_buyer', 'buyer_rates_seller']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** As the person typed it, shown back to them and to others. */
    pseudonym: text('pseudonym').notNull(),
    /** Canonical (lower-case) form: uniqueness is case-insensitive. */
    pseudonymKey: text('pseudonym_key').notNull(),
    role: accountRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Shown as a month on the public seller page. */
    memberSince: date('member_since').notNull().default(sql`current_date`),
    /** Date only, updated at most once a day (retention metrics). */
    lastActive: date('last_active'),
  },
  (t) => [uniqueIndex('users_pseudonym_key_idx').on(t.pseudonymKey)],
);

/**
 * One recorded encounter and its single-use code. The code itself is never stored in
 * plaintext: an HMAC for look-up and a ciphertext for showing it to its seller while live;
 * both are cleared once the code is used or expired.
 */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * Null once the seller has deleted her account: her encounters and the flags she gave stay,
     * anonymous, so a dangerous buyer's record does not vanish with the seller who reported them.
     */
    sellerId: uuid('seller_id').references(() => users.id, { onDelete: 'set null' }),
    /** The buyer the code is bound to; null for an explicitly unbound code. */
    boundBuyerId: uuid('bound_buyer_id').references(() => users.id, { onDelete: 'set null' }),
    redeemedBy: uuid('redeemed_by').references(() => users.id, { onDelete: 'set null' }),
    codeHmac: text('code_hmac'),
    codeCiphertext: text('code_ciphertext'),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    expiresOn: date('expires_on').notNull(),
    redeemedOn: date('redeemed_on'),
  },
  (t) => [
    // Unique among live codes: used and expired codes have their HMAC cleared (NULLs are distinct).
    uniqueIndex('verification_codes_hmac_idx').on(t.codeHmac),
    index('verification_codes_seller_idx').on(t.sellerId, t.createdOn),
  ],
);

/** One rating per encounter per direction; each flag true, false or null (skipped). */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => verificationCodes.id, { onDelete: 'cascade' }),
    direction: ratingDirection('direction').notNull(),
    raterId: uuid('rater_id').references(() => users.id, { onDelete: 'set null' }),
    rateeId: uuid('ratee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    safe: boolean('safe'),
    reliable: boolean('reliable'),
    createdOn: date('created_on').notNull().default(sql`current_date`),
  },
  (t) => [
    uniqueIndex('ratings_code_direction_idx').on(t.codeId, t.direction),
    index('ratings_ratee_idx').on(t.rateeId, t.direction),
  ],
);

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored.
 * Times are kept only where the timeouts need them and the row is deleted when it expires;
 * what a person sees is the created and last-used date.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    lastUsedOn: date('last_used_on').notNull().default(sql`current_date`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** One-time recovery codes (argon2id hashes), the only way back in without e-mail. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Seller invites: the code is stored as a SHA-256 hash; nothing links an invite to who used it. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull(),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    expiresOn: date('expires_on').notNull(),
    usedOn: date('used_on'),
    revokedOn: date('revoked_on'),
  },
  (t) => [uniqueIndex('invites_code_hash_idx').on(t.codeHash)],
);

/** Failed sign-ins per pseudonym (keyed hash, existing or not); no IP address, ever. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/** Pseudonyms of deleted accounts, as keyed hashes: reserved so nobody can take one over. */
export const pseudonymTombstones = pgTable('pseudonym_tombstones', {
  keyHash: text('key_hash').primaryKey(),
});

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
    lastRatedOn: date('last_rated_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.sellerId] })],
);

/**
 * Code redemption attempts that failed (or are being evaluated), for the per-buyer and global
 * limits over a rolling hour. Deleted after the hour: the only times of day kept, and briefly.
 */
export const redeemAttempts = pgTable(
  'redeem_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('redeem_attempts_buyer_idx').on(t.buyerId, t.at), index('redeem_attempts_at_idx').on(t.at)],
);

/** The batched, sealed view of a person's own score (and the public seller profile). */
export const scoreSnapshots = pgTable('score_snapshots', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  score: jsonb('score').notNull(),
  takenOn: date('taken_on').notNull(),
});

/** When the next snapshot is due: weekly plus up to a day of random jitter. One row. */
export const snapshotSchedule = pgTable('snapshot_schedule', {
  id: integer('id').primaryKey(),
  nextDueAt: timestamp('next_due_at', { withTimezone: true }).notNull(),
});

export type User = typeof users.$inferSelect;
export type VerificationCode = typeof verificationCodes.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
