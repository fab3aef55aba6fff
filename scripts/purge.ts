import { closeDatabase, database } from '@/db/index';
import { purgeExpired } from '@/lib/maintenance';

// npm run purge: what the server also does every ten minutes, for a cron job.
async function main() {
  await database().migrate();
  const { messages } = await purgeExpired();
  console.log(`Purged: ${messages} expired messages (and expired sessions, limits' records, code values).`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
