import 'server-only';
import { alarmsOfSeller } from '@/db/queries/alarms';
import { listBuddies } from '@/db/queries/buddies';
import { checkinsOfSeller, hasPins } from '@/db/queries/checkins';
import { openNote, openPosition } from './crypto';

/**
 * Her safety network data for her own export: buddies, whether PINs are set (never the hashes),
 * check-ins and panic alarms still kept; never a duress alarm.
 */
export async function safetyExport(userId: string) {
  const [buddies, pins, checkins, alarms] = await Promise.all([listBuddies(userId), hasPins(userId), checkinsOfSeller(userId), alarmsOfSeller(userId)]);
  return {
    buddies: buddies.map((b) => ({ pseudonym: b.pseudonym, accepted: b.accepted, askedBy: b.mine ? 'you' : 'them' })),
    pins: pins ? 'set (argon2id hashes, not exported)' : 'not set',
    checkins: checkins.map((c) => ({
      endsAt: c.endsAt.toISOString(),
      state: c.state,
      endedAt: c.endedAt?.toISOString() ?? null,
      alertsSent: c.alerts,
      note: c.noteCiphertext ? openNote(c.id, userId, c.noteCiphertext) : null,
    })),
    // Duress alarms are left out: whoever makes her download this on her phone right after "I'm OK"
    // must not find one (they are deleted with the rest 24 h after they end).
    alarms: alarms.filter((a) => a.kind !== 'duress').map((a) => ({
      kind: a.kind,
      sentAt: a.createdAt.toISOString(),
      alertsSent: a.alerts,
      answered: a.endedAt !== null,
      position: a.positionCiphertext ? openPosition(a.id, userId, a.positionCiphertext) : null,
    })),
  };
}
