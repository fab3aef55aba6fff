const isDev = process.env.NODE_ENV === 'development';

/**
 * Everything from our own origin only: no CDN, no fonts or analytics from elsewhere. Scripts run
 * only with this response's nonce (proxy.ts makes one per page request; Next.js puts it on its
 * own inline and loaded scripts) and what those load ('strict-dynamic'); never 'unsafe-inline'.
 * Without a nonce (API answers, refusals, files) no inline script runs at all.
 * 'unsafe-eval' and ws: only for the dev server's hot reload.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}' 'strict-dynamic'` : ''}${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    // The service worker (public/sw.js) and the manifest, from our origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every response's headers but the CSP, which proxy.ts sets (with a nonce on pages). */
export const securityHeaders = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
