import 'server-only';
import { desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { parametersSchema, type Parameters } from '@/lib/governance/parameters';
import { getDb, type Executor } from '../index';
import { parameterVersions } from '../schema';
import { appendOnce } from './changelog';

export interface ParameterVersion { version: number; params: Parameters; inForceFrom: string | null }

/** A stored row, validated: a row the form would refuse never reaches the math. */
function parse(row: { version: number; params: unknown; inForceFrom: string | null }): ParameterVersion {
  return { version: row.version, params: parametersSchema.parse(row.params), inForceFrom: row.inForceFrom };
}

const columns = { version: parameterVersions.version, params: parameterVersions.params, inForceFrom: parameterVersions.inForceFrom };

/** The version in force: the highest one the snapshot has put in force. */
export async function versionInForce(db: Executor = getDb()): Promise<ParameterVersion> {
  const [row] = await db.select(columns).from(parameterVersions).where(isNotNull(parameterVersions.inForceFrom)).orderBy(desc(parameterVersions.version)).limit(1);
  if (!row) throw new Error('No parameter version in force: run the migrations.');
  return parse(row);
}

/** The newest version, in force or waiting for the next snapshot: what an accepted change applies to. */
export async function newestVersion(db: Executor = getDb()): Promise<ParameterVersion> {
  const [row] = await db.select(columns).from(parameterVersions).orderBy(desc(parameterVersions.version)).limit(1);
  if (!row) throw new Error('No parameter version: run the migrations.');
  return parse(row);
}

export async function allVersions(db: Executor = getDb()): Promise<ParameterVersion[]> {
  return (await db.select(columns).from(parameterVersions).orderBy(desc(parameterVersions.version))).map(parse);
}

/** Adds the next version, waiting for the next snapshot. */
export async function addVersion(params: Parameters, proposalId: string, tx: Executor): Promise<number> {
  await tx.execute(sql`lock table parameter_versions in share row exclusive mode`);
  const latest = await newestVersion(tx);
  const version = latest.version + 1;
  await tx.insert(parameterVersions).values({ version, params, proposalId });
  return version;
}

/**
 * In the snapshot's transaction: puts every waiting version in force from today (the newest
 * wins, it already contains the older ones' changes). Returns the version in force afterwards.
 * Nothing earlier is recomputed: stored snapshots keep theirs. The changelog entry is written by
 * the timer's next run (logVersionsInForce), in a transaction of its own: the snapshot's
 * repeatable-read view could be behind the chain's head.
 */
export async function bringWaitingVersionsIntoForce(tx: Executor): Promise<ParameterVersion> {
  const waiting = await tx.update(parameterVersions).set({ inForceFrom: sql`current_date` }).where(isNull(parameterVersions.inForceFrom)).returning({ version: parameterVersions.version });
  if (waiting.length > 0) noteNewVersion();
  return versionInForce(tx);
}

/** Each version in force gets its changelog entry once (version 1 included). */
export async function logVersionsInForce(db: Executor = getDb()): Promise<number> {
  const inForce = await db.select({ ...columns, proposalId: parameterVersions.proposalId }).from(parameterVersions).where(isNotNull(parameterVersions.inForceFrom)).orderBy(parameterVersions.version);
  let logged = 0;
  for (const v of inForce) {
    if (await appendOnce('parameter_version', { version: v.version, params: v.params, proposal: v.proposalId, inForceFrom: v.inForceFrom }, { version: v.version }, db)) logged++;
  }
  return logged;
}

// A tiny per-process cache of the version in force, so a request reads it once and most requests
// not at all. Another process's snapshot can change it: a minute's staleness is harmless, since a
// version comes into force at a weekly snapshot with a day of random jitter anyway.
const TTL_MS = 60_000;
let cached: { at: number; value: ParameterVersion } | undefined;

export async function cachedVersionInForce(now = Date.now()): Promise<ParameterVersion> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const value = await versionInForce();
  cached = { at: now, value };
  return value;
}

export function noteNewVersion() {
  cached = undefined;
}

export async function versionRow(version: number, db: Executor = getDb()) {
  const [row] = await db.select(columns).from(parameterVersions).where(eq(parameterVersions.version, version));
  return row ? parse(row) : null;
}
