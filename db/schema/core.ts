import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** The month only (its first day): profiles show the month, and a day would match the invite's use. */
    memberSince: date('member_since').notNull().default(sql`date_trunc('month', current_date)::date`),
    /** Date only, updated at most once a day (retention metrics). */
    lastActive: date('last_active'),
    /** A coordinator created from the command line must replace the printed one-time password first. */
    /**
     * The day a buyer gave explicit consent to ratings about her (GDPR Art. 9(2)(a)); null for
     * members (sellers, coordinators: Art. 9(2)(d)). Withdrawn by deleting the account.
     */
    consentOn: date('consent_on'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** The highest warning `messages.seq` a seller has seen on the board: newer ones are her "new warnings". */
    warningsSeenSeq: bigint('warnings_seen_seq', { mode: 'number' }).notNull().default(0),
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
    // Weekly metrics read ranges of these dates.
    index('verification_codes_created_idx').on(t.createdOn),
    index('verification_codes_redeemed_idx').on(t.redeemedOn),
    // Whether a buyer has ever redeemed a code (their own redemption allowance).
    index('verification_codes_redeemed_by_idx').on(t.redeemedBy),
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
    /**
     * Set when the rater deletes her account: a random id, one per rater and ratee, so her flags
     * still count as one distinct rater of that person (the counters stay a recount of the rows)
     * without linking them to her or to her ratings of anyone else.
     */
    departedRater: uuid('departed_rater'),
    rateeId: uuid('ratee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    safe: boolean('safe'),
    reliable: boolean('reliable'),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    /**
     * Counted in the ratee's released score. False until a weekly run releases a new score for
     * them, which needs RELEASE_THRESHOLD new ratings from as many raters (lib/disclosure).
     */
    released: boolean('released').notNull().default(false),
  },
  (t) => [
    uniqueIndex('ratings_code_direction_idx').on(t.codeId, t.direction),
    index('ratings_ratee_idx').on(t.rateeId, t.direction),
    index('ratings_created_idx').on(t.direction, t.createdOn),
    // The weekly run reads only what is pending.
    index('ratings_unreleased_idx').on(t.rateeId, t.raterId).where(sql`not ${t.released}`),
  ],
);

export type User = typeof users.$inferSelect;
export type VerificationCode = typeof verificationCodes.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
