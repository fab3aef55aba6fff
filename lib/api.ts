import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Role } from '@/db/queries/users';
import { accessFor } from '@/lib/auth/guards';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { routing, type Locale } from '@/lib/i18n/routing';

/** The API speaks the caller's language when asked (Accept-Language), German otherwise. */
export function apiLocale(request: Request): Locale {
  const wanted = request.headers.get('accept-language') ?? '';
  const first = wanted.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return routing.locales.find((l) => l === first) ?? routing.defaultLocale;
}

export async function apiError(request: Request, status: number, code: string): Promise<Response> {
  const t = await getTranslations({ locale: apiLocale(request), namespace: 'Errors' });
  const message = t.has(code as never) ? t(code as never) : t('invalid');
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Route handlers: the user, or the 401/403 response to return. */
export async function authorizeApi(request: Request, roles?: readonly Role[]): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  const access = accessFor(user, roles);
  if (access === 'ok') return { user: user! };
  return {
    response: await apiError(request, access === 'unauthenticated' ? 401 : 403, access === 'unauthenticated' ? 'signInRequired' : 'forbidden'),
  };
}
