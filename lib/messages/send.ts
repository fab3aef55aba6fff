import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { insertMessageWithinLimit } from '@/db/queries/messages';
import { findSeller } from '@/db/queries/users';
import { fieldErrorsOf, type Outcome } from '@/lib/accounts/errors';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { MESSAGE_MAX } from './limits';
import { buyerRef } from './refs';
import { encryptMessage } from './crypto';

export { MESSAGE_MAX };
export const EXPIRY_DAYS = [1, 7, 30] as const;
export const DEFAULT_EXPIRY_DAYS = 7;
export const MESSAGES_PER_DAY = 60;

const common = {
  body: z.string('messageEmpty').trim().min(1, 'messageEmpty').max(MESSAGE_MAX, 'messageTooLong'),
  days: z.coerce
    .number('expiryInvalid')
    .refine((d) => (EXPIRY_DAYS as readonly number[]).includes(d), 'expiryInvalid')
    .default(DEFAULT_EXPIRY_DAYS),
};

export const sendSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('direct'), to: z.string('recipientUnknown').trim().max(64, 'recipientUnknown'), ...common }),
    z.object({
      kind: z.literal('warning'),
      buyer: z.string().trim().max(64, 'pseudonymLength').optional().transform((b) => b || undefined).pipe(pseudonymSchema.optional()),
      ...common,
    }),
  ],
  { error: 'invalid' },
);

export type SendInput = z.input<typeof sendSchema>;

/**
 * The day the message is deleted (UTC): the day after `days` full days, so it is kept at least as
 * long as the sender chose and at most a day more. A date, never the time it was sent.
 */
export function expiryFor(now: Date, days: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days + 1));
  return day.toISOString().slice(0, 10);
}

/** A direct message to another seller, or a warning on the board. Sellers only (checked by callers). */
export async function sendMessage(senderId: string, input: SendInput, now = new Date()): Promise<Outcome<{ id: string }>> {
  const parsed = sendSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const msg = parsed.data;

  let recipientId: string | null = null;
  if (msg.kind === 'direct') {
    const to = pseudonymSchema.safeParse(msg.to);
    recipientId = to.success ? ((await findSeller(pseudonymKey(to.data)))?.id ?? null) : null;
    if (!recipientId || recipientId === senderId) return { ok: false, fieldErrors: { to: 'recipientUnknown' } };
  }
  const id = randomUUID();
  const buyer = msg.kind === 'warning' ? msg.buyer : undefined;
  const row = {
    id,
    kind: msg.kind,
    senderId,
    recipientId,
    buyerRef: buyer ? buyerRef(buyer) : null,
    ...encryptMessage({ id, kind: msg.kind, senderId, recipientId }, buyer ? { body: msg.body, buyer } : { body: msg.body }),
    expiresOn: expiryFor(now, msg.days),
  };
  if (!(await insertMessageWithinLimit(row, MESSAGES_PER_DAY))) return { ok: false, formError: 'messageLimit' };
  return { ok: true, id };
}
