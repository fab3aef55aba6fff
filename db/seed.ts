import 'server-only';
import { createInvite } from '@/lib/accounts/invites';
import { signUp } from '@/lib/accounts/sign-up';
import { hashSecret } from '@/lib/passwords';
import { pseudonymKey } from '@/lib/accounts/rules';
import { takeSnapshotNow } from '@/lib/screening/snapshots';
import { countUsers, insertUser } from './queries/users';
import { seedPilotHistory } from './seed-history';

/** Demo only: documented in the README, never created in production unless forced. */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';
export const DEMO_ACCOUNTS = [
  { pseudonym: 'demo-koordination', role: 'coordinator' },
  { pseudonym: 'demo-anna', role: 'seller' },
  { pseudonym: 'demo-bea', role: 'seller' },
  { pseudonym: 'demo-kunde1', role: 'buyer' },
  { pseudonym: 'demo-kunde2', role: 'buyer' },
] as const;

export class SeedRefused extends Error {}

/** Creates the demo accounts through the same services as the app. Only into an empty database. */
export async function seedDemoData(options: { production: boolean; force?: boolean }): Promise<boolean> {
  if (options.production && !options.force) {
    throw new SeedRefused('Refusing to create demo accounts in production (NODE_ENV=production). Use --force only on a throwaway database.');
  }
  if ((await countUsers()) > 0) return false;
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const ids = { seller: [] as string[], buyer: [] as string[] };
  for (const { pseudonym, role } of DEMO_ACCOUNTS) {
    if (role === 'coordinator') {
      // Coordinators never sign up through the web.
      await insertUser({ pseudonym, pseudonymKey: pseudonymKey(pseudonym), role, passwordHash });
      continue;
    }
    const invite = role === 'seller' ? (await createInvite()).code : undefined;
    const result = await signUp({ pseudonym, password: DEMO_PASSWORD, role, invite, consent: role === 'buyer' });
    if (!result.ok) throw new Error(`Demo account ${pseudonym} was refused: ${JSON.stringify(result.fieldErrors)}`);
    ids[role].push(result.userId);
  }
  await seedPilotHistory(ids.seller, ids.buyer, passwordHash);
  await takeSnapshotNow();
  return true;
}
