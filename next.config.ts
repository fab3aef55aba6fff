import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` refuses its own dev assets to http://127.0.0.1 otherwise.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // A self-contained server for production (docs/deploy.md); scripts/standalone.mjs adds the rest.
  output: 'standalone',
  serverExternalPackages: ['web-push', '@electric-sql/pglite', '@node-rs/argon2'],
  // forbidden(): wrong-role pages answer 403 with a localised page.
  experimental: {
    authInterrupts: true,
    // proxy.ts refuses bodies over 64 KB by their Content-Length and streamed ones without it;
    // these bound what Next.js itself buffers should anything get past it.
    proxyClientMaxBodySize: 64 * 1024 + 1,
    serverActions: { bodySizeLimit: 64 * 1024 },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

// Messages are compiled at build time, so browsers get no ICU message parser (about 10 KB gzipped).
export default createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})(nextConfig);
