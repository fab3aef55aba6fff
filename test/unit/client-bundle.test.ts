import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientModules, valueImports } from './client-modules';

// Server-side libraries must not reach the browser through a shared module. zod did: the invite
// label's and the check-in note's limits sat beside their schemas, and importing the number sent
// all of zod (30 KB gzipped) to the invites and safety pages. Limits the forms show live now live
// in modules of their own (lib/**/limits.ts, invite-limits.ts).
const SERVER_ONLY = ['zod', 'drizzle-orm', 'postgres', '@electric-sql/pglite', '@node-rs/argon2', 'web-push', 'libphonenumber-js', 'next-auth'];

describe('the code sent to the browser', () => {
  const modules = clientModules();

  it('imports no server-side library', () => {
    expect(modules.length).toBeGreaterThan(40);
    for (const { file, text } of modules) {
      const heavy = valueImports(text).filter((spec) => SERVER_ONLY.some((lib) => spec === lib || spec.startsWith(`${lib}/`)) || spec.startsWith('node:'));
      expect(heavy, path.relative(process.cwd(), file)).toEqual([]);
    }
  });

  it('includes the forms that show limits, so the check above reaches them', () => {
    const names = modules.map((m) => path.relative(process.cwd(), m.file));
    expect(names).toEqual(expect.arrayContaining(['lib/safety/limits.ts', 'lib/accounts/invite-limits.ts', 'lib/messages/limits.ts']));
  });
});
