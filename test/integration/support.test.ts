import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { supportPages } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import de from '@/messages/de.json';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';

// The actions' only other inputs: who is signed in (mocked here), the translations, the cache.
let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'de',
  getTranslations: async (namespace: string) => createTranslator({ locale: 'de', messages: de, namespace: namespace as 'Errors' }),
}));
const revalidated: string[] = [];
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const { resetSupportContent, saveSupportContent, supportContent } = await import('@/lib/support/content');
const { SUPPORT_DEFAULTS } = await import('@/lib/support/defaults');
const { resetSupportAction, saveSupportAction } = await import('@/app/[locale]/coordinator/support/actions');

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const user = (role: CurrentUser['role'], mustChangePassword = false): CurrentUser => ({ id: 'u1', pseudonym: 'x', role, sessionId: 's1', mustChangePassword });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const IDLE = { status: 'idle' } as const;

beforeEach(async () => {
  signedIn = null;
  revalidated.length = 0;
  await db().delete(supportPages);
});

describe(`support page content (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('shows the shipped defaults until a coordinator saves a text, per language', async () => {
    expect(await supportContent('de')).toEqual({ markdown: SUPPORT_DEFAULTS.de, updatedOn: null, fallback: false });
    expect(await supportContent('en')).toEqual({ markdown: SUPPORT_DEFAULTS.en, updatedOn: null, fallback: false });

    expect(await saveSupportContent({ locale: 'de', markdown: '  # Notruf\n- 110  ' })).toEqual({ ok: true });
    const today = await databaseToday(db());
    expect(await supportContent('de')).toEqual({ markdown: '# Notruf\n- 110', updatedOn: today, fallback: false });
    expect((await supportContent('en')).updatedOn).toBeNull();

    // Saving again replaces the text; still one row per language.
    expect(await saveSupportContent({ locale: 'de', markdown: '# Hilfe' })).toEqual({ ok: true });
    expect((await supportContent('de')).markdown).toBe('# Hilfe');
    expect(await db().$count(supportPages)).toBe(1);

    expect(await resetSupportContent({ locale: 'de' })).toEqual({ ok: true });
    expect(await supportContent('de')).toEqual({ markdown: SUPPORT_DEFAULTS.de, updatedOn: null, fallback: false });
    expect(await db().$count(supportPages)).toBe(0);
  });

  it('refuses an empty or too long text and an unknown language, changing nothing', async () => {
    expect(await saveSupportContent({ locale: 'de', markdown: '# Eigene' })).toEqual({ ok: true });
    expect(await saveSupportContent({ locale: 'de', markdown: '   ' })).toEqual({ ok: false, fieldErrors: { markdown: 'supportRequired' } });
    expect(await saveSupportContent({ locale: 'de', markdown: 'x'.repeat(5001) })).toEqual({ ok: false, fieldErrors: { markdown: 'supportTooLong' } });
    expect(await saveSupportContent({ locale: 'fr', markdown: '# Aide' })).toEqual({ ok: false, fieldErrors: { locale: 'supportLocale' } });
    expect(await saveSupportContent({ locale: 'de' })).toMatchObject({ ok: false });
    expect(await resetSupportContent({ locale: 'xx' })).toEqual({ ok: false, fieldErrors: { locale: 'supportLocale' } });
    expect(await supportContent('de')).toMatchObject({ markdown: '# Eigene' });
    expect(await db().select({ locale: supportPages.locale }).from(supportPages)).toEqual([{ locale: 'de' }]);
    // The limit is inclusive: 5000 characters are fine.
    expect(await saveSupportContent({ locale: 'en', markdown: 'y'.repeat(5000) })).toEqual({ ok: true });
  });
});

describe('support page actions', () => {
  it('refuse anyone but a coordinator, in words, and change nothing', async () => {
    const cases: [CurrentUser | null, string][] = [
      [null, de.Errors.signInRequired],
      [user('seller'), de.Errors.forbidden],
      [user('buyer'), de.Errors.forbidden],
      [user('coordinator', true), de.Errors.passwordChangeRequired],
    ];
    for (const [who, message] of cases) {
      signedIn = who;
      expect(await saveSupportAction(IDLE, form({ locale: 'de', markdown: '# Fake' }))).toEqual({ status: 'error', fieldErrors: {}, formError: message });
      expect(await resetSupportAction(IDLE, form({ locale: 'de' }))).toEqual({ status: 'error', fieldErrors: {}, formError: message });
    }
    expect(await db().$count(supportPages)).toBe(0);
    expect(revalidated).toEqual([]);
  });

  it('let a coordinator save, see a refusal in words with her text kept, and reset', async () => {
    signedIn = user('coordinator');
    expect(await saveSupportAction(IDLE, form({ locale: 'en', markdown: '# Help\n- 112' }))).toEqual({ status: 'ok' });
    expect(await supportContent('en')).toMatchObject({ markdown: '# Help\n- 112' });
    expect(revalidated).toEqual(['/[locale]/support', '/[locale]/coordinator/support']);

    const long = 'z'.repeat(5001);
    expect(await saveSupportAction(IDLE, form({ locale: 'en', markdown: long }))).toEqual({
      status: 'error',
      fieldErrors: { markdown: de.Validation.supportTooLong },
      formError: undefined,
      values: { markdown: long },
    });
    expect(await supportContent('en')).toMatchObject({ markdown: '# Help\n- 112' });

    // A hand-made call without a form is refused, not a 500.
    expect(await saveSupportAction(IDLE, 'nonsense' as unknown as FormData)).toEqual({ status: 'error', fieldErrors: {}, formError: de.Errors.badForm });

    expect(await resetSupportAction(IDLE, form({ locale: 'en' }))).toEqual({ status: 'ok' });
    expect(await supportContent('en')).toEqual({ markdown: SUPPORT_DEFAULTS.en, updatedOn: null, fallback: false });
  });
});
