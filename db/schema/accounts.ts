import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './core';

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

/**
 * One-time recovery codes (argon2id hashes), the only way back in without e-mail. `lookup` is a
 * keyed hash of the code's first group, so that a recovery attempt runs one argon2 check, not
 * one per code (null for codes issued before it existed).
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    lookup: text('lookup'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId, t.lookup)],
);

/**
 * Seller invites: the code is stored as a SHA-256 hash; nothing links an invite to who used it.
 * `label` is the coordinator's own note to tell invites apart (the form warns against names).
 */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull(),
    label: varchar('label', { length: 40 }),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    expiresOn: date('expires_on').notNull(),
    /** The Monday of the week it was used (set by the daily batch): the metrics count by week. */
    usedOn: date('used_on'),
    revokedOn: date('revoked_on'),
  },
  (t) => [uniqueIndex('invites_code_hash_idx').on(t.codeHash), index('invites_used_idx').on(t.usedOn)],
);

/** Failed sign-ins per pseudonym (keyed hash, existing or not); no IP address, ever. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/**
 * Fixed-window counters for global limits (sign-ups per hour). The key names the limit, never
 * a person; rows are purged once their window is long past.
 */
export const rateWindows = pgTable(
  'rate_windows',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Pseudonyms of deleted accounts, as keyed hashes: reserved so nobody can take one over. */
export const pseudonymTombstones = pgTable('pseudonym_tombstones', {
  keyHash: text('key_hash').primaryKey(),
});


/** Today's tombstones, until the daily batch writes them (shuffled) into pseudonym_tombstones. */
export const tombstoneQueue = pgTable('tombstone_queue', {
  keyHash: text('key_hash').primaryKey(),
  queuedOn: date('queued_on').notNull().default(sql`current_date`),
});

/**
 * Invites used today: the invite counts as used at once, and the daily batch sets its used_on in
 * a shuffled transaction of its own, so the invite row no longer shares a transaction id with the
 * account it created.
 */
export const inviteRedemptions = pgTable('invite_redemptions', {
  inviteId: uuid('invite_id')
    .primaryKey()
    .references(() => invites.id, { onDelete: 'cascade' }),
  usedOn: date('used_on').notNull().default(sql`current_date`),
});
