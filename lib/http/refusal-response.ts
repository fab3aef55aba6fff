import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { contentSecurityPolicy, securityHeaders } from './security-headers';
import type { Refusal } from './screen';

// The proxy runs before next-intl's request config, so it reads the Errors messages directly.
const ERRORS = { de: de.Errors, en: en.Errors } as const;
const UNAVAILABLE = { de: de.Unavailable, en: en.Unavailable } as const;
type Locale = keyof typeof ERRORS;
type Code = keyof typeof de.Errors;

/** Pages: the path's locale. The API: Accept-Language's first choice. German otherwise. */
export function refusalLocale(pathname: string, acceptLanguage: string | null): Locale {
  const wanted = pathname.startsWith('/api') ? (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase() : pathname.split('/')[1];
  return wanted === 'en' ? 'en' : 'de';
}

const message = (locale: Locale, code: string) => ERRORS[locale][(code in ERRORS[locale] ? code : 'invalid') as Code];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// No `Connection: close` on a 413: closing while the body still arrives makes Node.js raise
// 'aborted' on the request, which Next.js does not catch. It drains the rest without keeping it.
const extraHeaders = (refusal: Refusal): Record<string, string> => ({
  ...(refusal.allow && { Allow: refusal.allow }),
  ...(refusal.status === 503 && { 'Retry-After': '5' }),
});

/** `{ error: { code, message } }`, as lib/api.ts answers from route handlers. */
export function jsonRefusal(refusal: Refusal, locale: Locale): Response {
  return Response.json(
    { error: { code: refusal.code, message: message(locale, refusal.code) } },
    { status: refusal.status, headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy(), ...extraHeaders(refusal) } },
  );
}

/** A small self-contained page (no scripts, no assets) with the site's security headers. */
export function htmlRefusal(refusal: Refusal, locale: Locale): Response {
  const t = ERRORS[locale];
  // A lost database is not a refused request: the same words as the app's "temporarily unavailable" page.
  const down = refusal.status === 503 ? UNAVAILABLE[locale] : null;
  const title = down ? down.title : t.title;
  const body = down ? down.body : message(locale, refusal.code);
  const html = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="/${locale}">${escape(t.home)}</a></p></main></body></html>`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders(refusal) });
  for (const { key, value } of securityHeaders) headers.set(key, value);
  headers.set('Content-Security-Policy', contentSecurityPolicy());
  return new Response(html, { status: refusal.status, headers });
}
