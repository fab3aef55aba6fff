import './environment.mjs';
import { database } from '@/db/index';
import { takeSnapshotNow } from '@/lib/screening/snapshots';
import { runScript } from './run';

// npm run snapshot: takes the weekly score snapshot now (for cron or by hand).
async function main() {
  await database().migrate();
  const { buyers, sellers } = await takeSnapshotNow();
  console.log(`Snapshot taken: ${buyers} buyers, ${sellers} sellers.`);
}

runScript('snapshot', main, { secrets: 'required' });
