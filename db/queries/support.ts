import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { supportPages } from '../schema';

/** The cooperative's own support text in one language, or null while the defaults apply. */
export async function findSupportPage(locale: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ markdown: supportPages.markdown, updatedOn: supportPages.updatedOn })
    .from(supportPages)
    .where(eq(supportPages.locale, locale));
  return row ?? null;
}

export async function upsertSupportPage(locale: string, markdown: string, db: Executor = getDb()) {
  await db
    .insert(supportPages)
    .values({ locale, markdown })
    .onConflictDoUpdate({ target: supportPages.locale, set: { markdown, updatedOn: sql`current_date` } });
}

/** Back to the shipped defaults for that language. */
export async function deleteSupportPage(locale: string, db: Executor = getDb()) {
  await db.delete(supportPages).where(eq(supportPages.locale, locale));
}
