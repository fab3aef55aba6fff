import './environment.mjs';
import { database } from '@/db/index';
import { purgeExpired } from '@/lib/maintenance';
import { runScript } from './run';

// npm run purge: what the server also does every ten minutes, for a cron job.
async function main() {
  await database().migrate();
  const { messages } = await purgeExpired();
  console.log(`Purged: ${messages} expired messages (and expired sessions, limits' records, code values).`);
}

runScript('purge', main, { secrets: 'required' });
