import 'server-only';
import { z } from 'zod';
import { deleteSupportPage, findSupportPage, upsertSupportPage } from '@/db/queries/support';
import { fieldErrorsOf, type Outcome } from '@/lib/accounts/errors';
import { isDatabaseUnavailable } from '@/lib/database-faults';
import { routing, type Locale } from '@/lib/i18n/routing';
import { SUPPORT_DEFAULTS } from './defaults';
import { SUPPORT_MARKDOWN_MAX } from './limits';

export type SupportContent = {
  markdown: string;
  /** The day a coordinator last saved it; null while the shipped defaults apply. */
  updatedOn: string | null;
  /** The database could not be read: the defaults are shown instead of nothing. */
  fallback: boolean;
};

/**
 * What /support shows in one language. It must open when everything else fails, so a lost
 * database shows the shipped defaults rather than an error.
 */
export async function supportContent(locale: Locale): Promise<SupportContent> {
  try {
    const row = await findSupportPage(locale);
    return row ? { markdown: row.markdown, updatedOn: row.updatedOn, fallback: false } : { markdown: SUPPORT_DEFAULTS[locale], updatedOn: null, fallback: false };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { markdown: SUPPORT_DEFAULTS[locale], updatedOn: null, fallback: true };
  }
}

const localeSchema = z.enum(routing.locales, { message: 'supportLocale' });

const saveSchema = z.object({
  locale: localeSchema,
  // Refused, never cut: the editor counts live.
  markdown: z.string().trim().min(1, 'supportRequired').max(SUPPORT_MARKDOWN_MAX, 'supportTooLong'),
});

/** A coordinator's text for one language (callers check the role). */
export async function saveSupportContent(input: unknown): Promise<Outcome> {
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  await upsertSupportPage(parsed.data.locale, parsed.data.markdown);
  return { ok: true };
}

/** Back to the shipped defaults for one language (callers check the role). */
export async function resetSupportContent(input: unknown): Promise<Outcome> {
  const parsed = z.object({ locale: localeSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  await deleteSupportPage(parsed.data.locale);
  return { ok: true };
}
