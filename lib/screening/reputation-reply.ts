import 'server-only';
import { refusalCode } from '@/lib/accounts/errors';
import { accessFor, apiAccessRefusal } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/sessions';
import { screenPseudonym, type LookUpReads } from '@/lib/reports/screen';

/** An API answer before it becomes HTTP: a JSON body, or an error code for the localised error body. */
export type Reply = { status: number; body: unknown } | { status: number; error: string };

/**
 * `GET /api/buyer/:pseudonym/reputation`, for the route handler and for the lean handler in front
 * of Next.js (lib/http/fast-lookup.ts) alike: sellers only; score, intervals, the raw counts and
 * the live incident reports naming the pseudonym (never their reporters). An unknown pseudonym is
 * a 404, unless reports name it: then `found: false` with the reports. `done`: the look-up's reads,
 * already done with the session's (lib/screening/look-up-at-once.ts).
 */
export async function reputationReply(user: CurrentUser | null, pseudonym: string, done?: LookUpReads): Promise<Reply> {
  const access = accessFor(user, ['seller']);
  if (access !== 'ok') {
    const refusal = apiAccessRefusal(access);
    return { status: refusal.status, error: refusal.code };
  }
  const outcome = await screenPseudonym(pseudonym, done);
  if (!outcome.ok) return { status: 400, error: refusalCode(outcome) };
  if (!outcome.found) return outcome.reports.length > 0 ? { status: 200, body: { found: false, reports: outcome.reports } } : { status: 404, error: 'notFound' };
  return { status: 200, body: { found: true, ...outcome.reputation, reports: outcome.reports } };
}
