import './environment.mjs';
import { database } from '@/db/index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { env } from '@/lib/env';
import { runScript } from './run';

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

runScript('db:seed', main, { secrets: 'generated' });
