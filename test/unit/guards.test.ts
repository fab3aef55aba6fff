import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import type { CurrentUser } from '@/lib/auth/current-user';

// The guards' only inputs: who is signed in (mocked here) and the translations.
let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'de',
  getTranslations: async (arg: string | { locale: 'de' | 'en'; namespace: string }) => {
    const { locale, namespace } = typeof arg === 'string' ? { locale: 'de' as const, namespace: arg } : arg;
    return createTranslator({ locale, messages: locale === 'de' ? de : en, namespace: namespace as 'Errors' });
  },
}));

const { accessFor, authorizeAction } = await import('@/lib/auth/guards');
const { authorizeApi } = await import('@/lib/api');

const user = (role: CurrentUser['role'], mustChangePassword = false): CurrentUser => ({ id: 'u1', pseudonym: 'x', role, sessionId: 's1', mustChangePassword });
const request = (language = 'en') => new Request('http://localhost/api/x', { headers: { 'accept-language': language } });

beforeEach(() => {
  signedIn = null;
});

describe('accessFor', () => {
  it('needs a user, and a listed role when roles are given', () => {
    expect(accessFor(null)).toBe('unauthenticated');
    expect(accessFor(null, ['seller'])).toBe('unauthenticated');
    expect(accessFor(user('buyer'))).toBe('ok');
    expect(accessFor(user('buyer'), ['seller'])).toBe('forbidden');
    expect(accessFor(user('coordinator'), ['seller', 'coordinator'])).toBe('ok');
  });

  it('with a one-time password: only what needs no role (the account page), until she sets her own', () => {
    expect(accessFor(user('coordinator', true))).toBe('ok');
    expect(accessFor(user('coordinator', true), ['coordinator'])).toBe('passwordChange');
    expect(accessFor(user('coordinator', true), ['seller'])).toBe('forbidden');
  });
});

describe('authorizeApi', () => {
  it('answers 401 with the JSON error shape when signed out', async () => {
    const result = await authorizeApi(request(), ['seller']);
    expect('response' in result).toBe(true);
    const response = (result as { response: Response }).response;
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'signInRequired', message: en.Errors.signInRequired } });
  });

  it('answers 403 for the wrong role, in German when asked', async () => {
    signedIn = user('buyer');
    const result = await authorizeApi(request('de-DE,de;q=0.9'), ['seller']);
    const response = (result as { response: Response }).response;
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: de.Errors.forbidden } });
  });

  it('passes the user through for the right role', async () => {
    signedIn = user('seller');
    expect(await authorizeApi(request(), ['seller'])).toEqual({ user: signedIn });
  });
});

describe('authorizeAction', () => {
  it('refuses signed-out and wrong-role callers with a localised message', async () => {
    expect(await authorizeAction()).toEqual({ ok: false, formError: de.Errors.signInRequired });
    signedIn = user('seller');
    expect(await authorizeAction(['coordinator'])).toEqual({ ok: false, formError: de.Errors.forbidden });
    expect(await authorizeAction(['seller'])).toEqual({ ok: true, user: signedIn });
  });

  it('refuses role actions to someone who has not replaced her one-time password', async () => {
    signedIn = user('coordinator', true);
    expect(await authorizeAction(['coordinator'])).toEqual({ ok: false, formError: de.Errors.passwordChangeRequired });
    expect(await authorizeAction()).toEqual({ ok: true, user: signedIn });
  });
});
