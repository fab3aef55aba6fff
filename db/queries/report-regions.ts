import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { reportRegions, sellerAlertRegions } from '../schema';

export const REGIONS_MAX = 50;

export async function listRegions(db: Executor = getDb()) {
  return db.select({ id: reportRegions.id, name: reportRegions.name }).from(reportRegions).orderBy(asc(sql`lower(${reportRegions.name})`));
}

/** False when a region of that name (any case) exists, or the list is full. */
export async function addRegion(name: string, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table report_regions in share row exclusive mode`);
    if ((await tx.$count(reportRegions)) >= REGIONS_MAX) return false;
    const rows = await tx.insert(reportRegions).values({ name }).onConflictDoNothing().returning({ id: reportRegions.id });
    return rows.length > 0;
  });
}

/** Reports keep no region once theirs is deleted; sellers' alert choices of it go. */
export async function deleteRegion(id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db.delete(reportRegions).where(eq(reportRegions.id, id)).returning({ id: reportRegions.id });
  return rows.length > 0;
}

export async function regionExists(id: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(reportRegions, eq(reportRegions.id, id))) > 0;
}

export async function alertRegionsOf(sellerId: string, db: Executor = getDb()): Promise<string[]> {
  const rows = await db.select({ id: sellerAlertRegions.regionId }).from(sellerAlertRegions).where(eq(sellerAlertRegions.sellerId, sellerId));
  return rows.map((r) => r.id);
}

/** Replaces her choice; none means alerts for every region. Unknown ids are ignored. */
export async function setAlertRegions(sellerId: string, regionIds: readonly string[], db: Executor = getDb()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sellerAlertRegions).where(eq(sellerAlertRegions.sellerId, sellerId));
    const known = new Set((await listRegions(tx)).map((r) => r.id));
    const chosen = [...new Set(regionIds)].filter((id) => known.has(id));
    if (chosen.length > 0) await tx.insert(sellerAlertRegions).values(chosen.map((regionId) => ({ sellerId, regionId })));
  });
}
