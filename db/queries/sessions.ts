import 'server-only';
import { and, asc, eq, gt, lte, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { getDb, preparedQuery, type Executor } from '../index';
import { sessions, users } from '../schema';

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Idle expiry is pushed forward at most this often, so a busy page does not write every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

const live = (now: Date | Placeholder) => and(gt(sessions.expiresAt, now), gt(sessions.idleExpiresAt, now));

export async function createSession(userId: string, tokenHash: string, now: Date, db: Executor = getDb()) {
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      tokenHash,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    })
    .returning({ id: sessions.id });
  return row!.id;
}

/** The live session for a token hash, with its user (placeholders `tokenHash` and `now`), and `more` columns. */
export function liveSessionQuery<More extends Record<string, SQL.Aliased | SQL>>(db: Executor, more: More = {} as More) {
  return db
    .select({
      sessionId: sessions.id,
      idleExpiresAt: sessions.idleExpiresAt,
      lastUsedOn: sessions.lastUsedOn,
      userId: users.id,
      pseudonym: users.pseudonym,
      role: users.role,
      lastActive: users.lastActive,
      mustChangePassword: users.mustChangePassword,
      ...more,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), live(sql.placeholder('now'))));
}

const liveSession = preparedQuery((db) => liveSessionQuery(db).prepare('live_session'));
export type LiveSessionRow = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** The live session for a cookie token, with its user (every signed-in request asks this). */
export async function findLiveSession(tokenHash: string, now: Date, db: Executor = getDb()) {
  const [row] = await liveSession(db).execute({ tokenHash, now: now.toISOString() });
  return row ?? null;
}

export async function touchSession(sessionId: string, now: Date, db: Executor = getDb()) {
  await db
    .update(sessions)
    .set({ idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS), lastUsedOn: sql`current_date` })
    .where(eq(sessions.id, sessionId));
}

export async function listSessions(userId: string, now: Date, db: Executor = getDb()) {
  return db
    .select({ id: sessions.id, createdOn: sessions.createdOn, lastUsedOn: sessions.lastUsedOn })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), live(now)))
    .orderBy(asc(sessions.createdOn), asc(sessions.id));
}

/** Ends one of the user's own sessions; another user's id matches nothing. */
export async function endSession(userId: string, sessionId: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function endAllSessions(userId: string, exceptSessionId?: string, db: Executor = getDb()) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}

export async function purgeExpiredSessions(now: Date, db: Executor = getDb()) {
  await db.delete(sessions).where(or(lte(sessions.expiresAt, now), lte(sessions.idleExpiresAt, now)));
}
