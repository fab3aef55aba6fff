import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { cookieFromHeader, sessionCookie, sessionToken } from '@/lib/auth/session-cookie';
import { isDatabaseUnavailable } from '@/lib/database-faults';
import { reputationForToken } from '@/lib/screening/look-up-at-once';
import type { Reply } from '@/lib/screening/reputation-reply';
import { apiLocaleOf, errorMessage, type Translator } from './error-message';
import { screen } from './screen';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

// The buyer look-up's JSON API, answered before Next.js: its request handling costs more CPU than
// the look-up itself (README, Performance). Only a plain GET of a plain path is taken here, after
// the same screening proxy.ts applies; anything else (HEAD, an encoded or unusual path, a request
// the screening refuses) goes on to Next.js, which answers it as before. The checks are the route's
// own (lib/screening/reputation-reply.ts), and so are the status, the headers and the body.

/** A path Next.js would hand the route unchanged: the segment needs no decoding and is no dot segment. */
const PATH = /^\/api\/buyer\/([A-Za-z0-9][A-Za-z0-9_.~-]{0,99})\/reputation$/;

const translators = {
  de: { errors: createTranslator({ locale: 'de', messages: de, namespace: 'Errors' }), validation: createTranslator({ locale: 'de', messages: de, namespace: 'Validation' }) },
  en: { errors: createTranslator({ locale: 'en', messages: en, namespace: 'Errors' }), validation: createTranslator({ locale: 'en', messages: en, namespace: 'Validation' }) },
};

/** The headers Next.js gives this route's answers: next.config.ts's, proxy.ts's CSP, the route's. */
const HEADERS: Record<string, string> = {
  ...Object.fromEntries(securityHeaders.map((h) => [h.key, h.value])),
  'content-security-policy': contentSecurityPolicy(),
  Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
  'cache-control': 'no-store',
  'content-type': 'application/json',
};

/** A Node request's headers as screen() reads them. */
function headerReader(req: IncomingMessage): Headers {
  const get = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return { get, has: (name: string) => get(name) !== null } as Headers;
}

/** Takes the request (true) and answers it, or leaves it to Next.js (false). */
export function fastLookup(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const query = req.url.indexOf('?');
  const pathname = query === -1 ? req.url : req.url.slice(0, query);
  const match = PATH.exec(pathname);
  if (!match) return false;
  const headers = headerReader(req);
  if ('refusal' in screen({ method: 'GET', pathname, headers })) return false;
  req.resume(); // a GET's body (screened to at most 64 KB) is not read
  answer(res, match[1]!, headers).catch((err: unknown) => {
    console.error('[look-up]', err instanceof Error ? err.message : err);
    res.destroy();
  });
  return true;
}

async function answer(res: ServerResponse, pseudonym: string, headers: Headers) {
  let reply: Reply & { headers?: Record<string, string> };
  try {
    reply = await reputationForToken(await sessionToken(cookieFromHeader(headers.get('cookie'), sessionCookie().name)), pseudonym);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) console.error('[look-up]', err instanceof Error ? err.message : err);
    // As withDatabaseFaults answers a lost database; anything else is Next.js's bare 500.
    reply = isDatabaseUnavailable(err) ? { status: 503, error: 'unavailable', headers: { 'Retry-After': '5' } } : { status: 500, body: null };
  }
  const body = 'error' in reply ? { error: { code: reply.error, message: message(headers.get('accept-language'), reply.error) } } : reply.body;
  const text = reply.status === 500 ? '' : JSON.stringify(body);
  if (res.destroyed) return;
  res.writeHead(reply.status, { ...HEADERS, ...reply.headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function message(acceptLanguage: string | null, code: string): string {
  const t = translators[apiLocaleOf(acceptLanguage)];
  return errorMessage(t.errors as unknown as Translator, t.validation as unknown as Translator, code);
}
