import 'server-only';
import { database } from '@/db/index';
import { DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { forgetExpiredCodes } from '@/db/queries/codes';
import { purgeOldAttempts } from '@/db/queries/redeem-attempts';
import { purgeExpiredSessions } from '@/db/queries/sessions';
import { purgeStaleThrottles } from '@/db/queries/throttle';
import { takeSnapshotIfDue } from './screening/snapshots';
import { env } from './env';
import { secrets } from './secrets';

const HOUR = 60 * 60 * 1000;

/** Hourly: delete what has expired (not just hide it), and take the weekly snapshot when due. */
async function hourly() {
  const now = new Date();
  await purgeExpiredSessions(now);
  await purgeStaleThrottles(now);
  await purgeOldAttempts(now);
  await forgetExpiredCodes();
  await takeSnapshotIfDue(now);
}

export async function startServer(): Promise<void> {
  try {
    const e = env();
    secrets();
    const db = database();
    await db.migrate();
    console.log(`Database ready (${db.kind}).`);
    // First `npm run dev` on an empty embedded database: demo accounts to try the app with.
    if (e.NODE_ENV === 'development' && db.kind === 'pglite' && (await seedDemoData({ production: false }))) {
      console.log(`Demo accounts created (password ${DEMO_PASSWORD}); see README.`);
    }
    await hourly();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  setInterval(() => hourly().catch((err: unknown) => console.error('[hourly]', err instanceof Error ? err.message : err)), HOUR).unref();
}
