import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { insertUser } from '@/db/queries/users';
import { withTestDatabase } from '../support/database';

withTestDatabase();

// Next.js logs an uncaught error whole: a failed query must not carry its parameters into the log.
describe('query errors', () => {
  it('keep the SQL and the cause’s code, not the parameters or the key values PostgreSQL quotes', async () => {
    const secretKey = 'hmac-of-a-pseudonym-0123456789abcdef';
    const user = { pseudonym: 'redact-me', pseudonymKey: secretKey, role: 'buyer' as const, passwordHash: 'x' };
    await insertUser(user);
    const error = await insertUser(user).then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(/^Failed query: insert into "users"/);
    expect(error!.cause?.code).toBe('23505');
    for (const printed of [error!.message, error!.stack ?? '', inspect(error)]) {
      expect(printed).not.toContain(secretKey);
      expect(printed).not.toContain('redact-me');
    }
  });
});
