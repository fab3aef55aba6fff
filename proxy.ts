import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { replyResolves } from '@/lib/http/action-reply';
import { htmlRefusal, jsonRefusal, refusalLocale } from '@/lib/http/refusal-response';
import { screen, type Refusal } from '@/lib/http/screen';
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
  // The API and files (/_next/…, /favicon.ico) need no locale.
  if (pathname.startsWith('/api') || pathname.startsWith('/_next/') || /\.[^/]*$/.test(pathname)) return NextResponse.next();
  if (!verdict.sameSiteNullOrigin) return intl(request);
  // A same-site form post with `Origin: null`: Next.js would refuse it as cross-site with a 500.
  // Sec-Fetch-Site vouches for it, so the action sees our own origin instead.
  const headers = new Headers(request.headers);
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  headers.set('origin', `${request.nextUrl.protocol}//${host}`);
  return intl(new NextRequest(request.url, { method: request.method, headers }));
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
