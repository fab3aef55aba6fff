import { sql } from 'drizzle-orm';
import { createDatabase, queryRows, targetFromEnv } from '@/db/client';
import { useDatabase as installDatabase } from '@/db/index';
import { vacuumAnalyze } from '@/db/queries/health';
import { versionInForce } from '@/db/queries/parameters';
import { stageRelease } from '@/db/queries/snapshot-stage';
import { startSession } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { refreshWeeklyMetrics } from '@/lib/metrics/dashboard';
import { lookupIdentifier } from '@/lib/reports/lookup';
import { runDailyJobs } from '@/lib/retention/daily';
import { findSessionWithLookUp } from '@/db/queries/look-up-at-once';
import { lookUpKeys } from '@/lib/screening/look-up-at-once';
import { publicSellerProfile } from '@/lib/screening/profile';
import { takeSnapshotNow } from '@/lib/screening/snapshots';
import { buyerName, sellerName } from '../data/generate';
import { explain, queryRecorder } from './plans';

/**
 * Opens the benchmark database with a query recorder, times the weekly snapshot job over all of
 * it, and EXPLAINs (ANALYZE, BUFFERS) the queries that the job, the look-up API (of a buyer with one
 * rating and of the most-rated buyer: the same rows either way), the look-up by phone number and the
 * profile actually sent.
 */
export async function explainAll() {
  const recorder = queryRecorder();
  const database = createDatabase(targetFromEnv(env()), { logQuery: recorder.logQuery });
  installDatabase(database);
  await database.migrate();
  // Today's daily jobs (batch, retention fold, report expiry), as a running service has done them:
  // left to the server's start, they would run during the measurements.
  console.log('Daily jobs…');
  await runDailyJobs();
  // The dashboard's weekly figures, as the daily job counts them (timed: the job's heaviest part).
  const counted = performance.now();
  await refreshWeeklyMetrics();
  const metricsSeconds = (performance.now() - counted) / 1000;
  // What autovacuum does in a normal PostgreSQL (this machine's runs without it; PGlite has none):
  // earlier runs' snapshots and writes leave dead rows that would slow this run down.
  console.log('VACUUM (ANALYZE)…');
  await vacuumAnalyze();

  console.log('Snapshot job…');
  const started = performance.now();
  const snapshot = await recorder.capture(() => takeSnapshotNow());
  const snapshotSeconds = (performance.now() - started) / 1000;
  // The server vacuums after each weekly run (and autovacuum would): the plans below are read
  // with the statistics a running service has, in which few ratings are still unreleased.
  await vacuumAnalyze();

  const [heavy] = await queryRows<{ key: string }>(
    database.db,
    sql`select u.pseudonym_key as key from buyer_counters c join users u on u.id = c.buyer_id order by c.ratings desc limit 1`,
  );
  const [light] = await queryRows<{ key: string }>(
    database.db,
    sql`select u.pseudonym_key as key from buyer_counters c join users u on u.id = c.buyer_id where c.ratings = 1 limit 1`,
  );
  const plans = [];
  // The look-up API's one statement (the session with the look-up), as a seller's session sends it.
  const [seller] = await queryRows<{ id: string }>(database.db, sql`select id from users where pseudonym_key = ${sellerName(1)}`);
  const token = await startSession(seller!.id);
  for (const [label, key] of [['one rating', light?.key ?? buyerName(1)], ['most ratings', heavy?.key ?? buyerName(1)]]) {
    const { queries } = await recorder.capture(() => findSessionWithLookUp(lookUpKeys(token, key!, new Date())!));
    plans.push(...(await explain(database, `look-up, buyer with ${label} (${key})`, queries)));
  }
  // Incident reports: a look-up by phone number reads the hash index (a constant number of rows).
  const byPhone = await recorder.capture(() => lookupIdentifier({ kind: 'phone', value: '+49 151 23456789' }));
  plans.push(...(await explain(database, 'look-up by phone number (incident reports)', byPhone.queries)));
  const profile = await recorder.capture(() => publicSellerProfile(sellerName(1)));
  plans.push(...(await explain(database, 'seller profile', profile.queries)));
  // The release reads temporary tables of its own transaction: staged again to explain its queries.
  const { params } = await versionInForce();
  plans.push(...(await explain(database, 'snapshot job', snapshot.queries, (tx) => stageRelease(params.releaseThreshold, params.repeatedRatings, tx))));
  return { database, plans, snapshotSeconds, metricsSeconds };
}
