import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * The in-app notification centre: what happened (a kind, never a name or a text) and the day.
 * `pushPending` is the outbox of Web Push: set when the row is written (in the writer's
 * transaction), cleared by the one sender that claims the row after commit. Rows are deleted
 * 30 days after they were written.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    seen: boolean('seen').notNull().default(false),
    pushPending: boolean('push_pending').notNull().default(true),
  },
  (t) => [
    index('notifications_user_seen_idx').on(t.userId, t.seen),
    index('notifications_push_pending_idx').on(t.id).where(sql`${t.pushPending}`),
    index('notifications_created_idx').on(t.createdOn),
  ],
);

/**
 * A device's Web Push subscription. The endpoint (a URL that names the device at its push
 * service) and its keys exist only sealed (AES-256-GCM, key derived for 'push-subscription',
 * bound to the row and its owner); `endpointHash`, a keyed hash, finds a re-subscribed device.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpointHash: text('endpoint_hash').notNull(),
    sealed: text('sealed').notNull(),
    createdOn: date('created_on').notNull().default(sql`current_date`),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_idx').on(t.endpointHash), index('push_subscriptions_user_idx').on(t.userId)],
);
