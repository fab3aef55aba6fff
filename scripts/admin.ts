import './environment.mjs';
import { database } from '@/db/index';
import { insertUser, pseudonymTaken } from '@/db/queries/users';
import { createInvite } from '@/lib/accounts/invites';
import { pseudonymHash } from '@/lib/accounts/keys';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { randomCode } from '@/lib/crypto';
import { hashSecret } from '@/lib/passwords';
import { runScript } from './run';

const USAGE = `Usage:
  npm run admin -- create-coordinator <pseudonym>   prints a one-time password to change at first sign-in
  npm run admin -- create-invite                    prints a seller invite code (valid 14 days)`;

async function createCoordinator(name: string | undefined) {
  const parsed = pseudonymSchema.safeParse(name ?? '');
  if (!parsed.success) throw new Error(`Invalid pseudonym: 3–32 characters of letters, digits, _ - .\n${USAGE}`);
  const key = pseudonymKey(parsed.data);
  if (await pseudonymTaken(key, pseudonymHash('tombstone', key))) throw new Error(`The pseudonym "${parsed.data}" is taken.`);
  const password = randomCode(5, 4);
  await insertUser({ pseudonym: parsed.data, pseudonymKey: key, role: 'coordinator', passwordHash: await hashSecret(password), mustChangePassword: true });
  console.log(`Coordinator "${parsed.data}" created.\nOne-time password (shown only now; at first sign-in she must replace it before anything else): ${password}`);
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command !== 'create-coordinator' && command !== 'create-invite') throw new Error(USAGE);
  await database().migrate();
  if (command === 'create-coordinator') return createCoordinator(arg);
  const invite = await createInvite();
  console.log(`Seller invite (shown only now), valid until ${invite.expiresOn}:\n  ${invite.code}\nSign-up link: <your address>/de/sign-up?invite=${invite.code}`);
}

runScript('admin', main, { secrets: 'required' });
