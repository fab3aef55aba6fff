import 'server-only';
import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { seal, type ChainEntry } from '@/lib/governance/chain';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { publicChangelog } from '../schema';

export type ChangelogKind = (typeof publicChangelog.entry.enumValues)[number];

const chainColumns = {
  seq: publicChangelog.seq,
  changedOn: publicChangelog.changedOn,
  entry: publicChangelog.entry,
  body: publicChangelog.body,
  prevHash: publicChangelog.prevHash,
  hash: publicChangelog.hash,
};

/**
 * Appends one entry to the public changelog, sealed into the hash chain: the one way to write
 * to it (flag removals, report removals, votes, versions, releases, financial reports). In the
 * caller's transaction when given one. The table lock serialises appends across processes, so
 * two entries never claim the same place; rows written without a hash (before the chain existed)
 * are sealed first, in their order.
 */
export async function appendChangelog(entry: ChangelogKind, body: Record<string, unknown>, db: Executor = getDb()): Promise<ChainEntry> {
  return db.transaction(async (tx) => {
    let head = await lockAndSealPending(tx);
    const [today] = await queryRows<{ day: string }>(tx, sql`select current_date::text as day`);
    head = seal(head, { changedOn: today!.day, entry, body });
    await tx.insert(publicChangelog).values({ ...head, entry });
    return head;
  });
}

/**
 * Appends unless an entry of this kind whose body contains `key` exists (checked under the lock,
 * so several processes starting the same release log it once). True when it appended.
 */
export async function appendOnce(entry: ChangelogKind, body: Record<string, unknown>, key: Record<string, unknown>, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAndSealPending(tx);
    const [seen] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from public_changelog where entry = ${entry} and body @> ${JSON.stringify(key)}::jsonb`);
    if (Number(seen!.n) > 0) return false;
    await appendChangelog(entry, body, tx);
    return true;
  });
}

/** Seals legacy rows (no hash yet) into the chain; returns how many. For the timer and the verify command. */
export async function sealChangelog(db: Executor = getDb()): Promise<number> {
  return db.transaction(async (tx) => {
    const before = await tx.$count(publicChangelog, isNull(publicChangelog.hash));
    if (before > 0) await lockAndSealPending(tx);
    return before;
  });
}

async function lockAndSealPending(tx: Executor): Promise<ChainEntry | null> {
  await tx.execute(sql`lock table public_changelog in share row exclusive mode`);
  const [last] = await tx.select(chainColumns).from(publicChangelog).where(isNotNull(publicChangelog.hash)).orderBy(desc(publicChangelog.seq)).limit(1);
  let head = (last as ChainEntry | undefined) ?? null;
  const pending = await tx
    .select({ id: publicChangelog.id, changedOn: publicChangelog.changedOn, entry: publicChangelog.entry, body: publicChangelog.body })
    .from(publicChangelog)
    .where(isNull(publicChangelog.hash))
    .orderBy(asc(publicChangelog.changedOn), asc(publicChangelog.id));
  for (const p of pending) {
    head = seal(head, { changedOn: p.changedOn, entry: p.entry, body: p.body });
    await tx.update(publicChangelog).set({ seq: head.seq, prevHash: head.prevHash, hash: head.hash }).where(sql`${publicChangelog.id} = ${p.id}`);
  }
  return head;
}

/** The sealed chain in order, oldest first (the verify command and the JSON feed). */
export async function changelogChain(db: Executor = getDb()): Promise<ChainEntry[]> {
  return (await db.select(chainColumns).from(publicChangelog).where(isNotNull(publicChangelog.hash)).orderBy(asc(publicChangelog.seq))) as ChainEntry[];
}

/** The newest entries first, for the page. */
export async function latestChangelog(limit: number, db: Executor = getDb()): Promise<ChainEntry[]> {
  return (await db.select(chainColumns).from(publicChangelog).where(isNotNull(publicChangelog.hash)).orderBy(desc(publicChangelog.seq)).limit(limit)) as ChainEntry[];
}
