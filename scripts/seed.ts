import { closeDatabase, database } from '@/db/index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { env } from '@/lib/env';

// npm run db:seed [-- --force]
async function main() {
  await database().migrate();
  const created = await seedDemoData({ production: env().NODE_ENV === 'production', force: process.argv.includes('--force') });
  if (!created) {
    console.log('The database already has accounts: no demo data added.');
    return;
  }
  console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const { pseudonym, role } of DEMO_ACCOUNTS) console.log(`  ${role.padEnd(12)} ${pseudonym}`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
