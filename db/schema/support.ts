import { sql } from 'drizzle-orm';
import { date, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The support and rights page, one Markdown text per language, edited by coordinators. Public
 * content for anyone who opens /support (signed out too): no personal data, so it is stored as
 * written. No row for a language means the defaults shipped in lib/support/defaults.ts.
 */
export const supportPages = pgTable('support_pages', {
  /** 'de' or 'en'. */
  locale: text('locale').primaryKey(),
  markdown: text('markdown').notNull(),
  /** The day it was last saved: a date, never a time or who. */
  updatedOn: date('updated_on').notNull().default(sql`current_date`),
});
