import './environment.mjs';
import { database } from '@/db/index';
import { purgeExpired } from '@/lib/maintenance';
import { runDailyJobs } from '@/lib/retention/daily';
import { runScript } from './run';

// npm run purge: what the server also does every ten minutes, for a cron job.
async function main() {
  await database().migrate();
  const { messages } = await purgeExpired();
  console.log(`Purged: ${messages} expired messages (and expired sessions, limits' records, code values).`);
  // Waits for a timer's run in progress, then runs again: idempotent, and the batch of past days only.
  const daily = await runDailyJobs({ force: true });
  console.log(`Retention: ${daily?.encounters ?? 0} encounters older than the window folded into the counters and deleted; daily batch written.`);
}

runScript('purge', main, { secrets: 'required' });
