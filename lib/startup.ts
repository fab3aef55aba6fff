import 'server-only';
import { database } from '@/db/index';
import { vacuumAnalyze } from '@/db/queries/health';
import { DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { isDatabaseUnavailable } from './database-faults';
import { env } from './env';
import { governanceJobs } from './governance/jobs';
import { countUndecidedPreviews } from './governance/preview';
import { fastLookup } from './http/fast-lookup';
import { purgeExpired } from './maintenance';
import { messageKeys } from './messages/crypto';
import { startPushDelivery } from './notifications/delivery';
import { vapidKeys } from './notifications/vapid';
import { runDailyJobs } from './retention/daily';
import { startEscalationTimer } from './safety/escalation';
import { takeSnapshotIfDue } from './screening/snapshots';
import { secrets } from './secrets';
import { answerDatabaseFaultsWith503 } from './unavailable-status';

const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Every ten minutes: physically delete what has expired, and take the weekly snapshot when due;
 * once a day, the shuffled batch and the retention job (which vacuum after themselves). After a
 * purge that deleted messages or a snapshot, vacuum too: PGlite has no autovacuum, and on
 * PostgreSQL a deleted message should not wait for autovacuum's thresholds to leave the data files.
 */
async function periodic() {
  const now = new Date();
  const { messages } = await purgeExpired(now);
  // Votes first: a change accepted today is in force from this snapshot if it is due. Deleted
  // ballots should not wait in the data files either.
  const { tallied } = await governanceJobs();
  const snapshot = await takeSnapshotIfDue(now);
  const daily = await runDailyJobs();
  if (!daily && (messages > 0 || snapshot || tallied > 0)) await vacuumAnalyze();
}

const logFailure = (err: unknown) => console.error('[periodic]', err instanceof Error ? err.message : err);

let counting: Promise<unknown> | null = null;

/**
 * After each tick, in the background: today's vote previews. At scale one reads every buyer for
 * minutes, and neither the tick's other jobs nor the server's start should wait for it (nor
 * should a second count start while one is still running).
 */
function countPreviewsLater() {
  counting ??= countUndecidedPreviews()
    .catch(logFailure)
    .finally(() => {
      counting = null;
    });
}

export async function startServer(): Promise<void> {
  try {
    const e = env();
    secrets();
    messageKeys(); // a malformed MESSAGE_KEYS stops start-up here, not at the first message
    vapidKeys(); // so do missing VAPID keys in production
    const db = database();
    await db.migrate();
    console.log(`Database ready (${db.kind}).`);
    // First `npm run dev` on an empty embedded database: demo accounts to try the app with.
    if (e.NODE_ENV === 'development' && db.kind === 'pglite' && (await seedDemoData({ production: false }))) {
      console.log(`Demo accounts created (password ${DEMO_PASSWORD}); see README.`);
    }
    await periodic();
  } catch (err) {
    // One line: the operator needs the cause, not a stack (and never a query's parameters).
    console.error(isDatabaseUnavailable(err) ? unreachable(err) : err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  answerDatabaseFaultsWith503();
  startPushDelivery(); // Web Push: soon after each notify(), and every 30 s for what was missed
  startEscalationTimer(); // check-in and alarm alerts: every 30 s, each step claimed once across processes
  setInterval(() => periodic().then(countPreviewsLater, logFailure), PURGE_EVERY_MS).unref();
  // For scripts/early-refusals.mjs: the look-up's JSON API is answered before Next.js from now on.
  (globalThis as { __coopFastRoutes?: typeof fastLookup }).__coopFastRoutes = fastLookup;
  // Under scripts/cluster.mjs: tell the primary this process is ready (it starts the others then).
  // Here rather than in instrumentation.ts, which Next.js also compiles for the Edge runtime.
  process.send?.({ coop: 'ready' });
  countPreviewsLater();
}

/** "Cannot reach PostgreSQL at host:port/db (ECONNREFUSED)", without the URL's password. */
function unreachable(err: unknown): string {
  const url = env().DATABASE_URL;
  const where = url ? new URL(url) : undefined;
  const code = (err as { code?: string }).code ?? 'no answer';
  const at = where ? ` at ${where.hostname}:${where.port || 5432}${where.pathname}` : '';
  return `Cannot reach PostgreSQL${at} (${code}): start it or correct DATABASE_URL, then start the server again.`;
}
