import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../index';

/** True when the database answers a trivial query within the time limit. */
export async function databaseIsReachable(timeoutMs = 3000): Promise<boolean> {
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
  await getDb().execute(sql`vacuum (analyze)`);
}
