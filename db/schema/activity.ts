import { date, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * The ISO weeks (their Mondays) in which a seller was active: enough for retention and active-seller
 * counts, without days or times. Written at most once a day, with last_active.
 */
export const sellerActivityWeeks = pgTable(
  'seller_activity_weeks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekStart: date('week_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekStart] })],
);
