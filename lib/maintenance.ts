import 'server-only';
import { forgetExpiredCodes } from '@/db/queries/codes';
import { purgeOldNotifications } from '@/db/queries/notifications';
import { eraseExpiredNotes } from '@/db/queries/feedback';
import { purgeOldWindows } from '@/db/queries/rate-windows';
import { purgeOldAttempts } from '@/db/queries/redeem-attempts';
import { purgeExpiredSessions } from '@/db/queries/sessions';
import { purgeStaleThrottles } from '@/db/queries/throttle';
import { purgeMessages } from './messages/maintenance';
import { purgeSafety } from './safety/escalation';

/** Deletes what has expired (not just hides it): messages, sessions, limits' records, code values, feedback notes, check-ins, alarms. */
export async function purgeExpired(now = new Date()): Promise<{ messages: number }> {
  const messages = await purgeMessages(now);
  await purgeExpiredSessions(now);
  await purgeStaleThrottles(now);
  await purgeOldAttempts(now);
  await purgeOldWindows(now, 2 * 60 * 60 * 1000);
  await forgetExpiredCodes();
  await eraseExpiredNotes();
  await purgeOldNotifications();
  await purgeSafety(now); // check-ins, notes, alarms and positions, a day after they ended
  return { messages };
}
