import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { replyResolves } from '@/lib/http/action-reply';
import { htmlRefusal, jsonRefusal, refusalLocale } from '@/lib/http/refusal-response';
import { contentSecurityPolicy } from '@/lib/http/security-headers';
import { ourHost, screen, type Refusal } from '@/lib/http/screen';
import { env } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';

const intl = createMiddleware(routing);

/**
 * Every request passes here first: what Next.js would answer with a 500, an empty body or an HTML
 * page under /api (undecodable paths, unknown methods, oversized bodies, foreign origins) gets its
 * 4xx here, as JSON under /api and as a localised page elsewhere. Pages then go to next-intl.
 */
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const verdict = screen({ method: request.method, pathname, headers: request.headers });
  if ('refusal' in verdict) return refuse(request, verdict.refusal);
  const unreadable = await unreadableForm(request);
  if (unreadable) return refuse(request, unreadable);
  // While the database is known to be down, a page would stream its shell with 200 and fail
  // inside it: say 503 at once, in words (route handlers answer their own JSON 503).
  // Files need no database: the quick exit's neutral page must never turn into a page naming this service.
  const file = /\.[^/]*$/.test(pathname);
  if (databaseDown() && !file && !pathname.startsWith('/api') && !pathname.startsWith('/_next/')) return refuse(request, { status: 503, code: 'unavailable' });
  // The API and files (/_next/…, /favicon.ico) need no locale, and run no inline script.
  if (pathname.startsWith('/api') || pathname.startsWith('/_next/') || file) {
    return withCsp(NextResponse.next(), contentSecurityPolicy());
  }
  // A page: a fresh nonce. Next.js reads it from the request's CSP header and puts it on its scripts.
  const csp = contentSecurityPolicy(btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18)))));
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  // A same-site form post with `Origin: null`: Next.js would refuse it as cross-site with a 500.
  // Sec-Fetch-Site vouches for it, so the action sees our own origin instead.
  if (verdict.sameSiteNullOrigin) headers.set('origin', env().PUBLIC_ORIGIN ?? `${request.nextUrl.protocol}//${ourHost(request.headers)}`);
  return withCsp(intl(new NextRequest(request.url, { method: request.method, headers })), csp);
}

/** The server's database guard (db/client.ts), read from the process-wide store without importing the client. */
function databaseDown(): boolean {
  return (globalThis as { __coopDatabase?: { isDown?: () => boolean } }).__coopDatabase?.isDown?.() ?? false;
}

function withCsp(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function refuse(request: NextRequest, refusal: Refusal): Response {
  const { pathname } = request.nextUrl;
  const locale = refusalLocale(pathname, request.headers.get('accept-language'));
  return pathname.startsWith('/api') ? jsonRefusal(refusal, locale) : htmlRefusal(refusal, locale);
}

/**
 * A posted form or action call that Next.js cannot decode would end in its 500. The body is at
 * most 64 KB here (screen() checked its length) and Next.js keeps its own copy for the action,
 * so reading it twice is cheap.
 */
async function unreadableForm(request: NextRequest): Promise<Refusal | null> {
  if (request.method !== 'POST' || request.nextUrl.pathname.startsWith('/api')) return null;
  const type = request.headers.get('content-type')?.toLowerCase() ?? '';
  const action = request.headers.has('next-action');
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await request.formData();
      if (!action) return null;
      const part = (id: string) => (typeof form.get(id) === 'string' ? (form.get(id) as string) : form.has(id) ? '""' : null);
      return replyResolves(part('0') ?? '', part) ? null : { status: 400, code: 'badAction' };
    }
    if (action && !type.startsWith('application/x-www-form-urlencoded')) {
      return replyResolves(await request.text()) ? null : { status: 400, code: 'badAction' };
    }
    return null;
  } catch {
    return { status: 400, code: 'badForm' };
  }
}

export const config = {
  // Everything but Next's build output, so that no request reaches Next.js unscreened.
  matcher: '/((?!_next/static|_next/image).*)',
};
