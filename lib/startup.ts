import 'server-only';
import { database } from '@/db/index';
import { vacuumAnalyze } from '@/db/queries/health';
import { DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { env } from './env';
import { purgeExpired } from './maintenance';
import { messageKeys } from './messages/crypto';
import { takeSnapshotIfDue } from './screening/snapshots';
import { secrets } from './secrets';

const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Every ten minutes: physically delete what has expired, and take the weekly snapshot when due;
 * after it, on the embedded database (which has no autovacuum), reclaim the rows it replaced.
 */
async function periodic() {
  const now = new Date();
  await purgeExpired(now);
  if ((await takeSnapshotIfDue(now)) && database().kind === 'pglite') await vacuumAnalyze();
}

export async function startServer(): Promise<void> {
  try {
    const e = env();
    secrets();
    messageKeys(); // a malformed MESSAGE_KEYS stops start-up here, not at the first message
    const db = database();
    await db.migrate();
    console.log(`Database ready (${db.kind}).`);
    // First `npm run dev` on an empty embedded database: demo accounts to try the app with.
    if (e.NODE_ENV === 'development' && db.kind === 'pglite' && (await seedDemoData({ production: false }))) {
      console.log(`Demo accounts created (password ${DEMO_PASSWORD}); see README.`);
    }
    await periodic();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  setInterval(() => periodic().catch((err: unknown) => console.error('[periodic]', err instanceof Error ? err.message : err)), PURGE_EVERY_MS).unref();
}
