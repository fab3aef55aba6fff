import 'server-only';
import { deleteAllSubscriptions } from '@/db/queries/notifications';
import { endAllSessions } from '@/db/queries/sessions';
import { forgetAttempts, reserveAttempt } from '@/db/queries/throttle';
import { vacuumAnalyze } from '@/db/queries/health';
import { deleteUser, findCredentials, setPasswordHash, type Role } from '@/db/queries/users';
import { HashingBusy, hashSecret, verifyAgainstNothing, verifySecret } from '@/lib/passwords';
import { deviceNonce } from './device';
import type { Outcome } from './errors';
import { pseudonymHash } from './keys';
import { newRecoveryCodes, recoveryWorkWithoutAccount, redeemRecoveryCode, storeRecoveryCodes } from './recovery-codes';
import { passwordProblem, pseudonymKey } from './rules';

export interface Account {
  id: string;
  pseudonym: string;
  role: Role;
}

type Check =
  | { ok: true; account: Account }
  | { ok: false; formError: 'credentialsInvalid' | 'throttled' | 'busy'; waitMinutes?: number };

/**
 * Checks a pseudonym and a secret under a throttle key. An unknown pseudonym costs the same
 * hashing work and gets the same answer as a wrong password. A full hashing queue answers 'busy'.
 */
async function checkUnderThrottle(
  throttleKey: string,
  key: string,
  check: (user: NonNullable<Awaited<ReturnType<typeof findCredentials>>>) => Promise<boolean>,
  withoutAccount: () => Promise<false>,
): Promise<Check> {
  const wait = await reserveAttempt(throttleKey, new Date());
  if (wait > 0) return { ok: false, formError: 'throttled', waitMinutes: Math.ceil(wait / 60_000) };
  const user = key ? await findCredentials(key) : null;
  let ok: boolean;
  try {
    ok = user ? await check(user) : await withoutAccount();
  } catch (e) {
    if (e instanceof HashingBusy) return { ok: false, formError: 'busy' };
    throw e;
  }
  if (!ok || !user) return { ok: false, formError: 'credentialsInvalid' };
  await forgetAttempts(throttleKey);
  return { ok: true, account: { id: user.id, pseudonym: user.pseudonym, role: user.role } };
}

/**
 * Sign-in. With a device token this pseudonym issued to this browser before, failures count
 * against that device only; without one, against the pseudonym.
 */
export function verifyCredentials(pseudonym: string, password: string, deviceToken?: string | null): Promise<Check> {
  const key = pseudonymKey(pseudonym);
  const nonce = deviceNonce(deviceToken, key);
  const throttleKey = nonce ? pseudonymHash('sign-in-device', `${key}\0${nonce}`) : pseudonymHash('sign-in', key);
  return checkUnderThrottle(throttleKey, key, (user) => verifySecret(user.passwordHash, password), () => verifyAgainstNothing(password));
}

/** The hashing queue was full: the same refusal from every path that hashes. */
async function unlessBusy<T extends Outcome>(work: () => Promise<T>): Promise<T | { ok: false; formError: 'busy' }> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HashingBusy) return { ok: false, formError: 'busy' };
    throw e;
  }
}

/** Forgot password: pseudonym + one recovery code + a new password. Ends every session. */
export async function recoverAccount(pseudonym: string, code: string, newPassword: string): Promise<Outcome> {
  const problem = passwordProblem(newPassword, pseudonym);
  if (problem) return { ok: false, fieldErrors: { password: problem } };
  const key = pseudonymKey(pseudonym);
  const result = await checkUnderThrottle(pseudonymHash('recovery', key), key, (user) => redeemRecoveryCode(user.id, code), () => recoveryWorkWithoutAccount(code));
  if (!result.ok) {
    return { ok: false, formError: result.formError === 'credentialsInvalid' ? 'recoveryInvalid' : result.formError, waitMinutes: result.waitMinutes };
  }
  const account = result.account;
  return unlessBusy(async () => {
    await setPasswordHash(account.id, await hashSecret(newPassword));
    await endAllSessions(account.id);
    await deleteAllSubscriptions(account.id); // every device: whoever had her password had her phone's pushes
    return { ok: true };
  });
}

/**
 * Re-checks the password of a signed-in person before a sensitive change, under a throttle of
 * its own (only she, signed in, can spend it).
 */
export async function confirmPassword(account: Account, password: string): Promise<Outcome> {
  const key = pseudonymKey(account.pseudonym);
  const result = await checkUnderThrottle(pseudonymHash('confirm', key), key, (user) => verifySecret(user.passwordHash, password), () => verifyAgainstNothing(password));
  if (result.ok && result.account.id === account.id) return { ok: true };
  if (!result.ok && result.formError !== 'credentialsInvalid') return { ok: false, formError: result.formError, waitMinutes: result.waitMinutes };
  return { ok: false, fieldErrors: { currentPassword: 'currentPasswordWrong' } };
}

/** Changes the password and ends every other session of the account. */
export async function changePassword(account: Account, sessionId: string, current: string, next: string): Promise<Outcome> {
  const problem = passwordProblem(next, account.pseudonym);
  if (problem) return { ok: false, fieldErrors: { newPassword: problem } };
  const confirmed = await confirmPassword(account, current);
  if (!confirmed.ok) return confirmed;
  return unlessBusy(async () => {
    await setPasswordHash(account.id, await hashSecret(next));
    await endAllSessions(account.id, sessionId);
    return { ok: true };
  });
}

export async function regenerateRecoveryCodes(account: Account, password: string): Promise<Outcome<{ recoveryCodes: string[] }>> {
  const confirmed = await confirmPassword(account, password);
  if (!confirmed.ok) return confirmed;
  return unlessBusy(async () => ({ ok: true as const, recoveryCodes: await storeRecoveryCodes(account.id, await newRecoveryCodes()) }));
}

/** Removes the account and its data; the pseudonym stays reserved as a keyed hash. */
export async function deleteAccount(account: Account, password: string, confirmation: string): Promise<Outcome> {
  if (pseudonymKey(confirmation) !== pseudonymKey(account.pseudonym)) {
    return { ok: false, fieldErrors: { confirmation: 'confirmPseudonym' } };
  }
  const confirmed = await confirmPassword(account, password);
  if (!confirmed.ok) return confirmed;
  await deleteUser(account.id, pseudonymHash('tombstone', pseudonymKey(account.pseudonym)));
  // The deleted rows stay readable in the data files until vacuumed (PGlite never autovacuums).
  await vacuumAnalyze().catch((e: unknown) => console.error('[vacuum]', e instanceof Error ? e.message : e));
  return { ok: true };
}
