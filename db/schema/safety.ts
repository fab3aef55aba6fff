import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

// The safety network. Times of day are stored here (a check-in's end, an alarm's moment) because
// the server must act on them; every such row is deleted 24 h after it ends (lib/safety/timing.ts).

/**
 * Two sellers who agreed to be each other's buddies. `requesterId` asked, `addresseeId` accepts;
 * a pair exists once, whoever asked (the unique index on the ordered pair). At most 5 accepted
 * per seller, counted under a lock of both sellers' rows.
 */
export const buddies = pgTable(
  'buddies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addresseeId: uuid('addressee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accepted: boolean('accepted').notNull().default(false),
    createdOn: date('created_on').notNull().default(sql`current_date`),
  },
  (t) => [
    uniqueIndex('buddies_pair_idx').on(sql`least(${t.requesterId}, ${t.addresseeId})`, sql`greatest(${t.requesterId}, ${t.addresseeId})`),
    index('buddies_addressee_idx').on(t.addresseeId),
    index('buddies_requester_idx').on(t.requesterId),
    check('buddies_not_self', sql`${t.requesterId} <> ${t.addresseeId}`),
  ],
);

/** A seller's safety PIN and duress PIN, argon2id hashes only (never the digits). */
export const safetyPins = pgTable('safety_pins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  pinHash: text('pin_hash').notNull(),
  duressHash: text('duress_hash').notNull(),
});

export const checkinState = pgEnum('checkin_state', ['active', 'escalated', 'acknowledged', 'ended']);

/**
 * A running check-in. `step` counts the alerts sent to her buddies; the server's tick claims the
 * next one with `update … where step = <the step it read>`, so with several server processes each
 * step is sent once. The note exists only as AES-256-GCM ciphertext under the 'checkin-note' key,
 * bound to the row.
 */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    state: checkinState('state').notNull().default('active'),
    noteCiphertext: text('note_ciphertext'),
    /** The buyer she looked up before the meeting, if she named one. */
    buyerId: uuid('buyer_id').references(() => users.id, { onDelete: 'set null' }),
    step: integer('step').notNull().default(0),
    /** When the next alert is due: her end time plus the grace, then every ten minutes. */
    nextAlertAt: timestamp('next_alert_at', { withTimezone: true }).notNull(),
    /** Wrong PINs entered at "I'm OK" (enough of them escalate at once). */
    pinFailures: integer('pin_failures').notNull().default(0),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    /** When she ended it with a PIN: the purge deletes it 24 h later (an unended one 48 h after its end). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    // One open check-in per seller.
    uniqueIndex('checkins_open_idx').on(t.sellerId).where(sql`${t.endedAt} is null`),
    index('checkins_due_idx').on(t.nextAlertAt).where(sql`${t.state} in ('active', 'escalated')`),
    index('checkins_ends_idx').on(t.endsAt),
  ],
);

export const alarmKind = pgEnum('alarm_kind', ['panic', 'duress']);

/**
 * A panic or duress alarm: sent to her buddies at once and repeated like an overdue check-in until
 * one acknowledges. A duress alarm points at the check-in whose note the buddies then read. The
 * position (only if she chose to attach it) is sealed under the 'alarm-position' key, bound to the row.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: alarmKind('kind').notNull(),
    checkinId: uuid('checkin_id').references(() => checkins.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    positionCiphertext: text('position_ciphertext'),
    step: integer('step').notNull().default(0),
    nextAlertAt: timestamp('next_alert_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when a buddy acknowledges: the purge deletes it 24 h later. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('alarms_seller_idx').on(t.sellerId),
    index('alarms_due_idx').on(t.nextAlertAt).where(sql`${t.endedAt} is null`),
    index('alarms_created_idx').on(t.createdAt),
  ],
);
