import 'server-only';
import { isNull } from 'drizzle-orm';
import { changelogChain } from '@/db/queries/changelog';
import { getDb } from '@/db/index';
import { publicChangelog } from '@/db/schema';
import { verifyChain, type ChainCheck, type ChainEntry } from './chain';

/** The stored chain, checked; plus how many rows wait to be sealed (written before the chain existed). */
export async function verifyStoredChain(): Promise<ChainCheck & { unsealed: number }> {
  const unsealed = await getDb().$count(publicChangelog, isNull(publicChangelog.hash));
  return { ...verifyChain(await changelogChain()), unsealed };
}

/** A saved copy of the JSON feed (/api/changelog), checked: anyone can do this without the database. */
export function verifyFeed(json: unknown): ChainCheck {
  const entries = (json as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return { ok: false, seq: 0, problem: 'sequence' };
  return verifyChain([...(entries as ChainEntry[])].sort((a, b) => a.seq - b.seq));
}

export function describeCheck(c: ChainCheck): string {
  return c.ok ? `Changelog chain verified: ${c.entries} entries, head ${c.head}.` : `Changelog chain BROKEN at entry ${c.seq}: ${c.problem === 'hash' ? 'its content does not match its hash' : c.problem === 'link' ? 'it does not link to the entry before it' : 'entries are missing or out of order'}.`;
}
