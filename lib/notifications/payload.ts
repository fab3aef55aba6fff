import type { NotificationKind } from '@/db/queries/notifications';

/**
 * What a push carries: the kind, padded so that every push has the same length. No name,
 * pseudonym, text or id: the push service (and anyone reading its traffic) learns only that
 * something happened, and the ciphertext's length says not even what.
 */
export const PUSH_PAYLOAD_BYTES = 64;

/**
 * Every push asks the same of the push service: deliver at once (urgency high), keep it six hours
 * if the phone is off. Different headers per kind would tell Google, Apple or Mozilla which
 * pushes are alarms; an alarm repeats every ten minutes while it lasts, and the notification
 * centre keeps every kind for 30 days, so nothing needs longer.
 */
export const PUSH_URGENCY = 'high';
export const PUSH_TTL_SECONDS = 6 * 60 * 60;

export function pushPayload(kind: NotificationKind): string {
  const bare = JSON.stringify({ t: kind, p: '' });
  const pad = PUSH_PAYLOAD_BYTES - Buffer.byteLength(bare);
  if (pad < 0) throw new Error(`push payload of ${kind} exceeds ${PUSH_PAYLOAD_BYTES} bytes`);
  return JSON.stringify({ t: kind, p: '_'.repeat(pad) });
}
