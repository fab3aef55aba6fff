import 'server-only';
import { and, desc, eq, gte, isNull, notExists, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { inviteRedemptions, invites } from '../schema';

export const INVITE_DAYS = 14;

export async function insertInvite(codeHash: string, label: string | null = null, db: Executor = getDb()) {
  const [row] = await db
    .insert(invites)
    .values({ codeHash, label, expiresOn: sql`current_date + ${sql.raw(String(INVITE_DAYS))}` })
    .returning({ id: invites.id, expiresOn: invites.expiresOn });
  return row!;
}

/** Used today: in invite_redemptions until the daily batch sets used_on. */
const redeemed = (db: Executor) => db.select({ one: sql`1` }).from(inviteRedemptions).where(eq(inviteRedemptions.inviteId, invites.id));

const open = (codeHash: string, db: Executor) =>
  and(eq(invites.codeHash, codeHash), isNull(invites.usedOn), notExists(redeemed(db)), isNull(invites.revokedOn), gte(invites.expiresOn, sql`current_date`));

/** Whether an invite can still be used (checked before any hashing; consumeInvite decides). */
export async function inviteIsOpen(codeHash: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(invites, open(codeHash, db))) > 0;
}

/**
 * Uses an open invite, atomically: of two sign-ups racing for one invite, one wins (the queue's
 * primary key decides). The invite row itself is not touched here: its used_on is set by the
 * daily batch, so it shares no transaction id with the account created alongside.
 */
export async function consumeInvite(codeHash: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .insert(inviteRedemptions)
    .select(db.select({ inviteId: invites.id, usedOn: sql`current_date`.as('used_on') }).from(invites).where(open(codeHash, db)))
    .onConflictDoNothing()
    .returning({ id: inviteRedemptions.inviteId });
  return rows.length > 0;
}

export async function listInvites(db: Executor = getDb()) {
  return db
    .select({
      id: invites.id,
      label: invites.label,
      createdOn: invites.createdOn,
      expiresOn: invites.expiresOn,
      usedOn: sql<string | null>`coalesce(${invites.usedOn}, date_trunc('week', ${inviteRedemptions.usedOn})::date)::text`,
      revokedOn: invites.revokedOn,
      expired: sql<boolean>`${invites.expiresOn} < current_date`,
    })
    .from(invites)
    .leftJoin(inviteRedemptions, eq(inviteRedemptions.inviteId, invites.id))
    .orderBy(desc(invites.createdOn), desc(invites.id));
}

export async function revokeInvite(id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(invites)
    .set({ revokedOn: sql`current_date` })
    .where(and(eq(invites.id, id), isNull(invites.usedOn), notExists(redeemed(db)), isNull(invites.revokedOn)))
    .returning({ id: invites.id });
  return rows.length > 0;
}
