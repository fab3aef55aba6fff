import { date, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The coordinator dashboard's weekly figures, already suppressed (no count of fewer than 5
 * people), as the daily job last computed them: a view reads 12 rows instead of counting
 * encounters. Only the 12 weeks the dashboard shows are kept.
 */
export const metricWeeks = pgTable('metric_weeks', {
  week: date('week').primaryKey(),
  figures: jsonb('figures').$type<Record<string, number | null>>().notNull(),
  computedOn: date('computed_on').notNull(),
});
