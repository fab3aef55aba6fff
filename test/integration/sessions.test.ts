import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { endSession, listSessions, SESSION_ABSOLUTE_MS } from '@/db/queries/sessions';
import { insertUser } from '@/db/queries/users';
import { sessions, users } from '@/db/schema';
import { resolveSession, startSession } from '@/lib/auth/sessions';
import { sha256 } from '@/lib/crypto';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const MINUTE = 60_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Sessions need no real password: the user row is inserted directly. */
async function addUser(pseudonym: string, role: 'buyer' | 'seller' = 'buyer') {
  return insertUser({ pseudonym, pseudonymKey: pseudonym.toLowerCase(), role, passwordHash: 'not-a-real-hash' });
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe(`sessions (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('resolves a new session to its user', async () => {
    const userId = await addUser('Session.Owner', 'seller');
    const token = await startSession(userId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const user = await resolveSession(token);
    expect(user).toEqual({ id: userId, pseudonym: 'Session.Owner', role: 'seller', sessionId: expect.any(String), mustChangePassword: false });

    // Only the token's hash is stored.
    const [row] = await db().select().from(sessions).where(eq(sessions.id, user!.sessionId));
    expect(row!.tokenHash).toBe(sha256(token));
    expect(row!.tokenHash).not.toBe(token);

    expect(await resolveSession('not-a-token')).toBeNull();
    expect(await resolveSession(`${token}x`)).toBeNull();
  });

  it('ends a session after 30 idle minutes', async () => {
    const userId = await addUser('Idle.User');
    const start = new Date();
    const idle = await startSession(userId, start);
    const active = await startSession(userId, start);

    expect(await resolveSession(active, later(start, 29 * MINUTE))).not.toBeNull();
    expect(await resolveSession(idle, later(start, 31 * MINUTE))).toBeNull();
    // The session used at minute 29 is still alive at minute 31.
    expect(await resolveSession(active, later(start, 31 * MINUTE))).not.toBeNull();
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const userId = await addUser('Busy.User');
    const start = new Date();
    const token = await startSession(userId, start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await resolveSession(token, later(start, minutes * MINUTE)), `after ${minutes} minutes`).not.toBeNull();
    }
    expect(await resolveSession(token, later(start, SESSION_ABSOLUTE_MS - MINUTE))).not.toBeNull();
    expect(await resolveSession(token, later(start, SESSION_ABSOLUTE_MS))).toBeNull();
    expect(await resolveSession(token, later(start, SESSION_ABSOLUTE_MS + 10 * MINUTE))).toBeNull();
  });

  it("does nothing when asked to end another user's session", async () => {
    const owner = await addUser('Owner.Of.Session');
    const intruder = await addUser('Intruder.User');
    const token = await startSession(owner);
    const { sessionId } = (await resolveSession(token))!;

    expect(await endSession(intruder, sessionId)).toBe(false);
    expect(await resolveSession(token)).toMatchObject({ id: owner, sessionId });

    expect(await endSession(owner, sessionId)).toBe(true);
    expect(await resolveSession(token)).toBeNull();
  });

  it('lists live sessions with their created and last-used dates only', async () => {
    const userId = await addUser('Lister.User');
    const other = await addUser('Other.Lister');
    const now = new Date();
    const tokens = [await startSession(userId, now), await startSession(userId, now)];
    await startSession(userId, later(now, -13 * 60 * MINUTE)); // long expired
    await startSession(other, now);

    const today = await databaseToday(db());
    const list = await listSessions(userId, now);
    expect(list).toHaveLength(2);
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['createdOn', 'id', 'lastUsedOn']);
      expect(entry.createdOn).toMatch(DATE);
      expect(entry.lastUsedOn).toMatch(DATE);
      expect(entry.createdOn).toBe(today);
      expect(entry.lastUsedOn).toBe(today);
    }
    const ids = await Promise.all(tokens.map(async (t) => (await resolveSession(t, now))!.sessionId));
    expect(list.map((s) => s.id).sort()).toEqual(ids.sort());
  });

  it('records the day of last activity, as a date, when a session is used', async () => {
    const [column] = await queryRows<{ data_type: string }>(
      db(),
      sql`select data_type from information_schema.columns
          where table_schema = 'public' and table_name = 'users' and column_name = 'last_active'`,
    );
    expect(column!.data_type).toBe('date');

    const userId = await addUser('Active.User');
    const lastActive = async () => (await db().select({ d: users.lastActive }).from(users).where(eq(users.id, userId)))[0]!.d;
    const token = await startSession(userId);
    expect(await lastActive()).toBeNull(); // signing in alone does not record it

    expect(await resolveSession(token)).not.toBeNull();
    const recorded = await lastActive();
    expect(recorded).toMatch(DATE);
    expect(recorded).toBe(await databaseToday(db()));
  });

  it('updates an older last-active day to today', async () => {
    const userId = await addUser('Returning.User');
    await db().execute(sql`update users set last_active = current_date - 3 where id = ${userId}`);
    const token = await startSession(userId);
    await resolveSession(token);
    const [row] = await db().select({ d: users.lastActive }).from(users).where(eq(users.id, userId));
    expect(row!.d).toBe(await databaseToday(db()));
  });
});
