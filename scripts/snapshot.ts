import { closeDatabase, database } from '@/db/index';
import { takeSnapshotNow } from '@/lib/screening/snapshots';

// npm run snapshot: takes the weekly score snapshot now (for cron or by hand).
async function main() {
  await database().migrate();
  const { buyers, sellers } = await takeSnapshotNow();
  console.log(`Snapshot taken: ${buyers} buyers, ${sellers} sellers.`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
