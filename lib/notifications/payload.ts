import type { NotificationKind } from '@/db/queries/notifications';

/**
 * What a push carries: the kind, padded so that every push has the same length. No name,
 * pseudonym, text or id: the push service (and anyone reading its traffic) learns only that
 * something happened, and the ciphertext's length says not even what.
 */
export const PUSH_PAYLOAD_BYTES = 64;

const HIGH: readonly NotificationKind[] = ['alarm', 'checkin_overdue'];

export function pushPayload(kind: NotificationKind): string {
  const bare = JSON.stringify({ t: kind, p: '' });
  const pad = PUSH_PAYLOAD_BYTES - Buffer.byteLength(bare);
  if (pad < 0) throw new Error(`push payload of ${kind} exceeds ${PUSH_PAYLOAD_BYTES} bytes`);
  return JSON.stringify({ t: kind, p: '_'.repeat(pad) });
}

/** An alarm or an overdue check-in asks the push service to wake the phone at once. */
export function pushUrgency(kind: NotificationKind): 'high' | 'normal' {
  return HIGH.includes(kind) ? 'high' : 'normal';
}

/**
 * How long the push service keeps an undelivered push (seconds). An alarm repeats every ten
 * minutes while it lasts, so an hour is enough; other kinds wait at most a day (the in-app
 * notification stays for 30 days).
 */
export function pushTtl(kind: NotificationKind): number {
  return HIGH.includes(kind) ? 60 * 60 : 24 * 60 * 60;
}
