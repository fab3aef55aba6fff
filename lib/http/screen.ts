import { env } from '@/lib/env';
import { apiMethods } from './api-routes';

/** Bodies above this are refused with 413 before they are read (Caddy has the same limit). */
export const BODY_LIMIT = 64 * 1024;

/** What pages answer: GET and HEAD, and POST for server actions and no-JavaScript forms. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'];

export type Refusal = { status: 400 | 403 | 404 | 405 | 411 | 413 | 503; code: string; allow?: string };

export type Screened = { refusal: Refusal } | { ok: true; sameSiteNullOrigin?: boolean };

type Incoming = { method: string; pathname: string; headers: Headers };

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** Percent-encoding that cannot be decoded; pages also refuse a decoded '%', which Next decodes twice. */
function badPath(pathname: string, api: boolean): boolean {
  try {
    const decoded = decodeURIComponent(pathname);
    return !api && decoded.includes('%');
  } catch {
    return true;
  }
}

/**
 * The host our pages are served from: PUBLIC_ORIGIN's when configured (docs/deploy.md), else the
 * Host header. Never X-Forwarded-Host, which any client can send.
 */
export function ourHost(headers: Headers, publicOrigin = env().PUBLIC_ORIGIN): string | null {
  return publicOrigin ? new URL(publicOrigin).host : headers.get('host');
}

/** Whether an Origin header names our own host (a malformed one never does). */
export function isOurOrigin(origin: string, headers: Headers): boolean {
  try {
    return new URL(origin).host === ourHost(headers);
  } catch {
    return false;
  }
}

/** Server actions and forms may only be posted from our own pages (Next.js itself answers 500). */
function originVerdict(headers: Headers): Refusal | 'same' | 'sameSiteNull' | 'absent' {
  const origin = headers.get('origin');
  if (origin === null) return 'absent';
  // Browsers send Sec-Fetch-Site themselves; pages cannot forge it. A null Origin comes from
  // privacy browsers and from our own no-referrer policy on form posts.
  if (origin === 'null') return headers.get('sec-fetch-site') === 'same-origin' ? 'sameSiteNull' : { status: 403, code: 'crossOrigin' };
  return isOurOrigin(origin, headers) ? 'same' : { status: 403, code: 'crossOrigin' };
}

/** The first thing wrong with a request that Next.js would answer with a 5xx or an empty body. */
export function screen({ method, pathname, headers }: Incoming): Screened {
  const api = isApi(pathname);
  if (badPath(pathname, api)) return { refusal: { status: 400, code: 'badPath' } };
  const allowed = api ? apiMethods(pathname) : PAGE_METHODS;
  if (!allowed) return { refusal: { status: 404, code: 'notFound' } };
  if (!allowed.includes(method)) return { refusal: { status: 405, code: 'methodNotAllowed', allow: allowed.join(', ') } };
  const length = headers.get('content-length');
  // A streamed body's size is only known once read: browsers always send a length, so we ask for one.
  if (length === null && headers.has('transfer-encoding')) return { refusal: { status: 411, code: 'lengthRequired' } };
  if (length !== null && !(Number(length) <= BODY_LIMIT)) return { refusal: { status: 413, code: 'tooLarge' } };
  if (api || method !== 'POST') return { ok: true };
  const origin = originVerdict(headers);
  if (typeof origin === 'object') return { refusal: origin };
  return origin === 'sameSiteNull' ? { ok: true, sameSiteNullOrigin: true } : { ok: true };
}
