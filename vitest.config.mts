import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // 'server-only' throws outside React Server Components; tests are server code too.
      'server-only': path.join(root, 'test/support/empty.ts'),
    },
  },
  test: {
    environment: 'node',
    // next-intl imports 'next/navigation' without an extension; let Vite resolve it.
    server: { deps: { inline: ['next-intl', 'next-auth'] } },
    include: ['test/**/*.test.ts'],
    // Fixed AUTH_SECRET / HASH_SECRET before any app module reads the environment.
    setupFiles: ['test/support/env.ts'],
    // Integration files each create their own database; two cores, so keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Each integration file migrates a fresh database (PGlite in-process): slow on a busy two-core machine.
    hookTimeout: 180_000,
  },
});
