import 'server-only';
import { endAllSessions } from '@/db/queries/sessions';
import { forgetAttempts, reserveAttempt } from '@/db/queries/throttle';
import { deleteUser, findCredentials, setPasswordHash, type Role } from '@/db/queries/users';
import { hashSecret, verifyAgainstNothing, verifySecret } from '@/lib/passwords';
import type { Outcome } from './errors';
import { pseudonymHash } from './keys';
import { newRecoveryCodes, recoveryWorkWithoutAccount, redeemRecoveryCode, storeRecoveryCodes } from './recovery-codes';
import { passwordProblem, pseudonymKey } from './rules';

export interface Account {
  id: string;
  pseudonym: string;
  role: Role;
}

type Check = { ok: true; account: Account } | { ok: false; formError: 'credentialsInvalid' | 'throttled'; waitMinutes?: number };

/**
 * Checks a pseudonym and a secret under the per-pseudonym throttle. An unknown pseudonym costs
 * the same hashing work and gets the same answer as a wrong password.
 */
async function checkUnderThrottle(
  purpose: 'sign-in' | 'recovery',
  pseudonym: string,
  check: (user: NonNullable<Awaited<ReturnType<typeof findCredentials>>>) => Promise<boolean>,
  withoutAccount: () => Promise<false>,
): Promise<Check> {
  const key = pseudonymKey(pseudonym);
  const throttleKey = pseudonymHash(purpose, key);
  const wait = await reserveAttempt(throttleKey, new Date());
  if (wait > 0) return { ok: false, formError: 'throttled', waitMinutes: Math.ceil(wait / 60_000) };
  const user = key ? await findCredentials(key) : null;
  const ok = user ? await check(user) : await withoutAccount();
  if (!ok || !user) return { ok: false, formError: 'credentialsInvalid' };
  await forgetAttempts(throttleKey);
  return { ok: true, account: { id: user.id, pseudonym: user.pseudonym, role: user.role } };
}

export function verifyCredentials(pseudonym: string, password: string): Promise<Check> {
  return checkUnderThrottle('sign-in', pseudonym, (user) => verifySecret(user.passwordHash, password), () => verifyAgainstNothing(password));
}

/** Forgot password: pseudonym + one recovery code + a new password. Ends every session. */
export async function recoverAccount(pseudonym: string, code: string, newPassword: string): Promise<Outcome> {
  const problem = passwordProblem(newPassword, pseudonym);
  if (problem) return { ok: false, fieldErrors: { password: problem } };
  const result = await checkUnderThrottle('recovery', pseudonym, (user) => redeemRecoveryCode(user.id, code), () => recoveryWorkWithoutAccount(code));
  if (!result.ok) {
    return { ok: false, formError: result.formError === 'throttled' ? 'throttled' : 'recoveryInvalid', waitMinutes: result.waitMinutes };
  }
  await setPasswordHash(result.account.id, await hashSecret(newPassword));
  await endAllSessions(result.account.id);
  return { ok: true };
}

/** Re-checks the password of a signed-in person before a sensitive change. */
async function confirmPassword(account: Account, password: string): Promise<Outcome> {
  const result = await verifyCredentials(account.pseudonym, password);
  if (result.ok && result.account.id === account.id) return { ok: true };
  if (!result.ok && result.formError === 'throttled') return { ok: false, formError: 'throttled', waitMinutes: result.waitMinutes };
  return { ok: false, fieldErrors: { currentPassword: 'currentPasswordWrong' } };
}

/** Changes the password and ends every other session of the account. */
export async function changePassword(account: Account, sessionId: string, current: string, next: string): Promise<Outcome> {
  const problem = passwordProblem(next, account.pseudonym);
  if (problem) return { ok: false, fieldErrors: { newPassword: problem } };
  const confirmed = await confirmPassword(account, current);
  if (!confirmed.ok) return confirmed;
  await setPasswordHash(account.id, await hashSecret(next));
  await endAllSessions(account.id, sessionId);
  return { ok: true };
}

export async function regenerateRecoveryCodes(account: Account, password: string): Promise<Outcome<{ recoveryCodes: string[] }>> {
  const confirmed = await confirmPassword(account, password);
  if (!confirmed.ok) return confirmed;
  return { ok: true, recoveryCodes: await storeRecoveryCodes(account.id, await newRecoveryCodes()) };
}

/** Removes the account and its data; the pseudonym stays reserved as a keyed hash. */
export async function deleteAccount(account: Account, password: string, confirmation: string): Promise<Outcome> {
  if (pseudonymKey(confirmation) !== pseudonymKey(account.pseudonym)) {
    return { ok: false, fieldErrors: { confirmation: 'confirmPseudonym' } };
  }
  const confirmed = await confirmPassword(account, password);
  if (!confirmed.ok) return confirmed;
  await deleteUser(account.id, pseudonymHash('tombstone', pseudonymKey(account.pseudonym)));
  return { ok: true };
}
