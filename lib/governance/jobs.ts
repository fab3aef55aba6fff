import 'server-only';
import { appendOnce, sealChangelog } from '@/db/queries/changelog';
import { logVersionsInForce } from '@/db/queries/parameters';
import pkg from '@/package.json';
import { tallyClosedVotes } from './ballots';

/** The software's version, as released (package.json). */
export const SOFTWARE_VERSION: string = pkg.version;

/**
 * The governance part of the server's timer: rows written before the chain existed are sealed
 * into it, a new software version and each parameter version put in force are logged once, and votes whose last day has passed are
 * counted (each claimed in the database, so one process counts it).
 */
export async function governanceJobs(): Promise<{ tallied: number }> {
  await sealChangelog();
  await appendOnce('release', { version: SOFTWARE_VERSION }, { version: SOFTWARE_VERSION });
  await logVersionsInForce();
  return { tallied: await tallyClosedVotes() };
}
