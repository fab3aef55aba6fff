import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/database-faults';
import type { Role } from '@/db/queries/users';
import { refusalCode, type Outcome } from '@/lib/accounts/errors';
import { accessFor, apiAccessRefusal } from '@/lib/auth/access';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { apiLocaleOf, errorMessage, type Translator } from '@/lib/http/error-message';
import { BODY_LIMIT, isOurOrigin } from '@/lib/http/screen';
import type { Locale } from '@/lib/i18n/routing';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The API speaks the caller's language when asked (Accept-Language), German otherwise. */
export function apiLocale(request: Request): Locale {
  return apiLocaleOf(request.headers.get('accept-language'));
}

/** `{ "error": { "code", "message", "field"? } }`, the message localised from Errors or Validation. */
export async function apiError(request: Request, status: number, code: string, headers: Record<string, string> = {}, field?: string): Promise<Response> {
  const locale = apiLocale(request);
  const [errors, validation] = await Promise.all([
    getTranslations({ locale, namespace: 'Errors' }),
    getTranslations({ locale, namespace: 'Validation' }),
  ]);
  const message = errorMessage(errors as unknown as Translator, validation as unknown as Translator, code);
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiOk(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** A route handler that answers a lost database with 503 `unavailable` (JSON) instead of an empty 500. */
export function withDatabaseFaults<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      return apiError(request, 503, 'unavailable', { 'Retry-After': '5' });
    }
  };
}

/** Maps a service's refusal to an HTTP status and error body. */
export function apiRefusal(request: Request, outcome: Extract<Outcome, { ok: false }>, statusFor: Record<string, number> = {}) {
  const code = refusalCode(outcome);
  return apiError(request, statusFor[code] ?? 400, code);
}

/** Route handlers: the user, or the 401/403 response to return. */
export async function authorizeApi(request: Request, roles?: readonly Role[]): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  const access = accessFor(user, roles);
  if (access === 'ok') return { user: user! };
  const refusal = apiAccessRefusal(access);
  return { response: await apiError(request, refusal.status, refusal.code) };
}

/**
 * POSTs from other sites are refused: the Origin (or, failing that, Sec-Fetch-Site) must be ours.
 * With SameSite=Lax cookies this closes cross-site form posts too.
 */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin) return !isOurOrigin(origin, request.headers);
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/** The body as text, or null once it passes `limit` bytes: reading stops there, so size costs no memory. */
export async function readBounded(request: Request, limit = BODY_LIMIT): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A POST handler's common start: same origin, the right role, a JSON body of the schema's shape. */
export async function beginPost<S extends z.ZodType>(
  request: Request,
  roles: readonly Role[],
  schema: S,
): Promise<{ user: CurrentUser; body: z.output<S> } | { response: Response }> {
  if (isCrossOrigin(request)) return { response: await apiError(request, 403, 'crossOrigin') };
  const auth = await authorizeApi(request, roles);
  if ('response' in auth) return auth;
  const text = await readBounded(request);
  if (text === null) return { response: await apiError(request, 413, 'tooLarge') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { response: await apiError(request, 400, 'badJson') };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { user: auth.user, body: parsed.data };
  // The first problem, named by its field when it has one (a body that is not an object has none).
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? String(issue.path[0]) : undefined;
  const code = field && issue?.message && !issue.message.includes(' ') ? issue.message : 'invalid';
  return { response: await apiError(request, 400, code, {}, field) };
}
