import { describe, expect, it } from 'vitest';
import { insertUser } from '@/db/queries/users';
import { changePassword } from '@/lib/accounts/credentials';
import { accessFor } from '@/lib/auth/guards';
import { resolveSession, startSession } from '@/lib/auth/sessions';
import { hashSecret } from '@/lib/passwords';
import { withTestDatabase } from '../support/database';

withTestDatabase();

describe('a coordinator created from the command line', () => {
  it('reaches nothing but her account page until she replaces the printed one-time password', { timeout: 60_000 }, async () => {
    const oneTime = 'abcd-efgh-jkmn-pqrs-tvwx';
    const id = await insertUser({ pseudonym: 'New.Coord', pseudonymKey: 'new.coord', role: 'coordinator', passwordHash: await hashSecret(oneTime), mustChangePassword: true });
    const token = await startSession(id);
    const before = (await resolveSession(token))!;
    expect(before).toMatchObject({ id, role: 'coordinator', mustChangePassword: true });
    expect(accessFor(before, ['coordinator'])).toBe('passwordChange');
    expect(accessFor(before)).toBe('ok');

    expect(await changePassword({ id, pseudonym: 'New.Coord', role: 'coordinator' }, before.sessionId, oneTime, 'Harbour-Quill-Meadow-77')).toEqual({ ok: true });
    const after = (await resolveSession(token))!;
    expect(after.mustChangePassword).toBe(false);
    expect(accessFor(after, ['coordinator'])).toBe('ok');
  });
});
