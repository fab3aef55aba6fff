import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findBuyerId } from '@/db/queries/buyers';
import { endCheckin, extendCheckin, findPins, hasPins, insertCheckin, openCheckinOf, recordPinFailure, savePins } from '@/db/queries/checkins';
import { getDb } from '@/db/index';
import { confirmPassword, type Account } from '@/lib/accounts/credentials';
import { fieldErrorsOf, type Outcome } from '@/lib/accounts/errors';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { hashSecret, HashingBusy, verifySecret } from '@/lib/passwords';
import { sendAlarm } from './alarms';
import { sealNote } from './crypto';
import { noteSchema, PIN_PATTERN, pinsSchema } from './rules';
import { CHECKIN_MINUTES, endTimeFor, extendedEndTime, firstAlertAt, PIN_FAILURES_ESCALATE } from './timing';

const minutes = (choices: readonly number[]) =>
  z.coerce.number('durationInvalid').refine((m) => choices.includes(m), 'durationInvalid');

export const startSchema = z.object({
  minutes: minutes(CHECKIN_MINUTES),
  note: noteSchema.optional(),
  buyer: z.string().trim().max(64, 'pseudonymLength').optional().transform((b) => b || undefined).pipe(pseudonymSchema.optional()),
});
export type StartInput = z.input<typeof startSchema>;

async function unlessBusy<T>(work: () => Promise<T>): Promise<T | { ok: false; formError: 'busy' }> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HashingBusy) return { ok: false, formError: 'busy' };
    throw e;
  }
}

/** Sets (or replaces) her PIN and duress PIN, after her password. Only their argon2 hashes are kept. */
export async function setPins(account: Account, input: { password: string; pin: string; pinConfirm: string; duress: string; duressConfirm: string }): Promise<Outcome> {
  const parsed = pinsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const confirmed = await confirmPassword(account, input.password);
  if (!confirmed.ok) return confirmed;
  return unlessBusy(async () => {
    await savePins(account.id, await hashSecret(parsed.data.pin), await hashSecret(parsed.data.duress));
    return { ok: true } as const;
  });
}

/** Starts her check-in: an end time, an optional sealed note and the buyer she looked up. */
export async function startCheckin(sellerId: string, input: StartInput, now = new Date()): Promise<Outcome<{ id: string }>> {
  const parsed = startSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!(await hasPins(sellerId))) return { ok: false, formError: 'pinsRequired' };
  const { note, buyer } = parsed.data;
  const buyerId = buyer ? await findBuyerId(pseudonymKey(buyer)) : null;
  if (buyer && !buyerId) return { ok: false, fieldErrors: { buyer: 'checkinBuyerUnknown' } };
  const id = randomUUID();
  const endsAt = endTimeFor(now, parsed.data.minutes)!;
  const started = await insertCheckin({
    id,
    sellerId,
    endsAt,
    nextAlertAt: firstAlertAt(endsAt),
    noteCiphertext: note ? sealNote(id, sellerId, note) : null,
    buyerId,
  });
  return started ? { ok: true, id } : { ok: false, formError: 'checkinOpen' };
}

/** More time, before any alert has gone out; afterwards only her PIN ends it. */
export async function extendOwnCheckin(sellerId: string, input: { checkinId: string; minutes: string | number }, now = new Date()): Promise<Outcome> {
  const open = await openCheckinOf(sellerId);
  if (!open || open.id !== input.checkinId) return { ok: false, formError: 'checkinGone' };
  if (open.state !== 'active') return { ok: false, formError: 'checkinOverdue' };
  const endsAt = extendedEndTime(now, open.endsAt, Number(input.minutes));
  if (!endsAt) return { ok: false, fieldErrors: { minutes: 'durationInvalid' } };
  return (await extendCheckin(sellerId, open.id, endsAt, firstAlertAt(endsAt))) ? { ok: true } : { ok: false, formError: 'checkinOverdue' };
}

/**
 * "I'm OK" with a PIN. Her PIN ends the check-in. Her duress PIN ends it too and, in the same
 * transaction, sends a duress alarm to her buddies: the answer is the same `{ ok: true }`, and
 * both PINs are always checked, so neither the reply nor its timing tells them apart.
 */
export async function endWithPin(sellerId: string, input: { checkinId: string; pin: string }, now = new Date()): Promise<Outcome> {
  const pin = input.pin.replace(/\s+/g, '');
  if (!PIN_PATTERN.test(pin)) return { ok: false, fieldErrors: { pin: 'pinFormat' } };
  const [pins, open] = await Promise.all([findPins(sellerId), openCheckinOf(sellerId)]);
  if (!open || open.id !== input.checkinId || !pins) return { ok: false, formError: 'checkinGone' };
  const checked = await unlessBusy(async () => ({ isPin: await verifySecret(pins.pinHash, pin), isDuress: await verifySecret(pins.duressHash, pin) }));
  if ('ok' in checked) return checked;
  // After as many wrong PINs as set off the alarm, her PIN no longer ends the check-in quietly:
  // someone guessing it on her phone must not call off the buddies already alerted. Once a buddy
  // has said "I'm handling it" (she knows, and can reach her), her PIN ends it again, so she is not
  // left unable to start another. (Her duress PIN always works: it only adds an alarm.)
  if (checked.isPin && (open.pinFailures < PIN_FAILURES_ESCALATE || open.state === 'acknowledged')) {
    await endCheckin(sellerId, open.id, now);
    return { ok: true };
  }
  if (checked.isDuress) {
    await getDb().transaction(async (tx) => {
      if (await endCheckin(sellerId, open.id, now, tx)) await sendAlarm(sellerId, { kind: 'duress', checkinId: open.id }, now, tx);
    });
    return { ok: true };
  }
  await recordPinFailure(sellerId, open.id, now, PIN_FAILURES_ESCALATE);
  return { ok: false, fieldErrors: { pin: 'pinWrong' } };
}
