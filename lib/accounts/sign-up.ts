import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { consumeInvite, inviteIsOpen } from '@/db/queries/invites';
import { takeFromWindow } from '@/db/queries/rate-windows';
import { insertUser, pseudonymTaken } from '@/db/queries/users';
import { normaliseCode, sha256 } from '@/lib/crypto';
import { env } from '@/lib/env';
import { HashingBusy, hashSecret } from '@/lib/passwords';
import { fieldErrorsOf, type Outcome } from './errors';
import { pseudonymHash } from './keys';
import { newRecoveryCodes, storeRecoveryCodes, type NewRecoveryCodes } from './recovery-codes';
import { passwordProblem, pseudonymKey, pseudonymSchema } from './rules';

export const signUpSchema = z
  .object({
    pseudonym: pseudonymSchema,
    password: z.string().max(1024, 'passwordTooLong'),
    role: z.enum(['buyer', 'seller'], 'invalid'),
    invite: z.string().trim().max(100, 'inviteInvalid').optional(),
    /** Buyers' explicit consent to ratings about them (GDPR Art. 9(2)(a)): a ticked box, never a default. */
    consent: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.pseudonym);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (v.role === 'seller' && !v.invite) ctx.addIssue({ code: 'custom', path: ['invite'], message: 'inviteRequired' });
    if (v.role === 'buyer' && v.consent !== true) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'consentRequired' });
  });

export type SignUpInput = z.input<typeof signUpSchema>;

class Refused extends Error {
  constructor(readonly field: string, readonly code: string) {
    super(code);
  }
}

/** Invite codes are long random strings: a SHA-256 of the normalised code finds them. */
export function inviteHash(code: string): string {
  return sha256(normaliseCode(code));
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Buyers sign up freely, within a global hourly budget; sellers only with an open invite, which
 * this uses up in the same transaction. Everything that can refuse runs before any hashing, and
 * every attempt without an open invite spends the budget first, so that neither hashing work nor
 * "pseudonym taken" answers come faster than the budget allows. Returns the recovery codes to show once.
 */
export async function signUp(input: SignUpInput, now = new Date()): Promise<Outcome<{ userId: string; recoveryCodes: string[] }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { pseudonym, password, role, invite } = parsed.data;
  const key = pseudonymKey(pseudonym);

  const invited = role === 'seller' && (await inviteIsOpen(inviteHash(invite ?? '')));
  if (role === 'seller' && !invited) return { ok: false, fieldErrors: { invite: 'inviteInvalid' } };
  if (!invited && !(await takeFromWindow('sign-up', HOUR_MS, env().SIGNUPS_PER_HOUR, now))) return { ok: false, formError: 'signUpThrottled' };
  if (await pseudonymTaken(key, pseudonymHash('tombstone', key))) return { ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } };

  let passwordHash: string, recovery: NewRecoveryCodes;
  try {
    [passwordHash, recovery] = await Promise.all([hashSecret(password), newRecoveryCodes()]);
  } catch (e) {
    if (e instanceof HashingBusy) return { ok: false, formError: 'busy' };
    throw e;
  }
  try {
    const userId = await getDb().transaction(async (tx) => {
      if (await pseudonymTaken(key, pseudonymHash('tombstone', key), tx)) throw new Refused('pseudonym', 'pseudonymTaken');
      if (role === 'seller' && !(await consumeInvite(inviteHash(invite ?? ''), tx))) throw new Refused('invite', 'inviteInvalid');
      // Only that consent was given, and the day: members (sellers) rely on Art. 9(2)(d) instead.
      const id = await insertUser({ pseudonym, pseudonymKey: key, role, passwordHash, consentOn: role === 'buyer' ? today(now) : null }, tx);
      await storeRecoveryCodes(id, recovery, tx);
      return id;
    });
    return { ok: true, userId, recoveryCodes: recovery.codes };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, fieldErrors: { [e.field]: e.code } };
    // Two sign-ups racing for one pseudonym: the unique index decides.
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } };
    throw e;
  }
}

const today = (now: Date) => now.toISOString().slice(0, 10);

function isUniqueViolation(e: unknown): boolean {
  for (let cause: unknown = e; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: string }).code === '23505') return true;
  }
  return false;
}
