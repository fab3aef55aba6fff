import 'server-only';
import { createSession, findLiveSession, SESSION_IDLE_MS, SESSION_TOUCH_MS, touchSession, type LiveSessionRow } from '@/db/queries/sessions';
import { recordActivityWeek } from '@/db/queries/activity';
import { touchLastActive, type Role } from '@/db/queries/users';
import { randomToken, sha256 } from '@/lib/crypto';

export interface CurrentUser {
  id: string;
  pseudonym: string;
  role: Role;
  sessionId: string;
  /** Signed in with a one-time password: only the account page until she sets her own. */
  mustChangePassword: boolean;
}

/** A new server-side session; the returned token goes into the (encrypted) session cookie. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await createSession(userId, sha256(token), now);
  return token;
}

/**
 * The user behind a session token, or null once the session has ended, been revoked or timed
 * out (12 h absolute, 30 min idle). Pushes the idle expiry forward, and records the day of
 * activity, without writing on every request.
 */
export async function resolveSession(token: string, now = new Date()): Promise<CurrentUser | null> {
  const row = await findLiveSession(sha256(token), now);
  return row ? userOfLiveSession(row, now) : null;
}

/** The user of a live session row (resolveSession's, or the lean look-up's), kept alive as resolveSession keeps it. */
export async function userOfLiveSession(row: LiveSessionRow, now: Date): Promise<CurrentUser> {
  if (row.idleExpiresAt.getTime() - now.getTime() < SESSION_IDLE_MS - SESSION_TOUCH_MS) {
    await touchSession(row.sessionId, now);
  }
  const today = now.toISOString().slice(0, 10);
  if (row.lastActive !== today) {
    await touchLastActive(row.userId);
    if (row.role === 'seller') await recordActivityWeek(row.userId); // for retention metrics
  }
  return { id: row.userId, pseudonym: row.pseudonym, role: row.role, sessionId: row.sessionId, mustChangePassword: row.mustChangePassword };
}
