import 'server-only';
import { sql } from 'drizzle-orm';
import { database, getDb } from '../index';

/**
 * True when the database answers a trivial query within the time limit. Known down: false at once.
 * The guard in front of PostgreSQL gives up within 0.9 s; the limit here is the last resort.
 */
export async function databaseIsReachable(timeoutMs = 1800): Promise<boolean> {
  if (database().isDown()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = getDb()
    .execute(sql`select 1`)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reclaims dead rows and refreshes the planner's statistics. The embedded database (PGlite) has no
 * autovacuum, and each weekly snapshot rewrites every score: the server runs this after it.
 */
export async function vacuumAnalyze() {
  await database().vacuum();
}
