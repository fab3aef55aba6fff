import './environment.mjs';
import { readFile } from 'node:fs/promises';
import { database } from '@/db/index';
import { describeCheck, verifyFeed, verifyStoredChain } from '@/lib/governance/verify';
import { runScript } from './run';

// npm run changelog:verify            checks the public changelog's hash chain in the database;
// npm run changelog:verify -- feed.json  checks a saved copy of /api/changelog instead.
// Exit code 1 when the chain is broken.
async function main() {
  const file = process.argv[2];
  if (file) {
    const check = verifyFeed(JSON.parse(await readFile(file, 'utf8')));
    console.log(describeCheck(check));
    if (!check.ok) process.exitCode = 1;
    return;
  }
  await database().migrate();
  const check = await verifyStoredChain();
  console.log(describeCheck(check));
  if (check.unsealed > 0) console.log(`${check.unsealed} older entries are not yet sealed; the server's timer seals them.`);
  if (!check.ok) process.exitCode = 1;
}

runScript('changelog:verify', main, { secrets: 'generated' });
