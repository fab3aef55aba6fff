// Run before the e2e server starts (see playwright.config.ts): the demo data (so the dashboard
// has figures above its suppression threshold), and a coordinator with a password the tests know.
import { closeDatabase, database } from '@/db/index';
import { insertUser } from '@/db/queries/users';
import { seedDemoData } from '@/db/seed';
import { pseudonymKey } from '@/lib/accounts/rules';
import { hashSecret } from '@/lib/passwords';
import { E2E_COORDINATOR } from './accounts';

async function main() {
  await database().migrate();
  await seedDemoData({ production: false });
  await insertUser({
    pseudonym: E2E_COORDINATOR.pseudonym,
    pseudonymKey: pseudonymKey(E2E_COORDINATOR.pseudonym),
    role: 'coordinator',
    passwordHash: await hashSecret(E2E_COORDINATOR.password),
  });
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
