import 'server-only';
import { database } from '@/db/index';
import { DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { purgeExpiredSessions } from '@/db/queries/sessions';
import { purgeStaleThrottles } from '@/db/queries/throttle';
import { env } from './env';
import { secrets } from './secrets';

const HOUR = 60 * 60 * 1000;

async function purge() {
  const now = new Date();
  await purgeExpiredSessions(now);
  await purgeStaleThrottles(now);
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
    await purge();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  // Expired sessions and old throttle rows are deleted, not just ignored.
  setInterval(() => purge().catch((err: unknown) => console.error('[purge]', err instanceof Error ? err.message : err)), HOUR).unref();
}
