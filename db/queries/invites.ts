import 'server-only';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { invites } from '../schema';

export const INVITE_DAYS = 14;

export async function insertInvite(codeHash: string, label: string | null = null, db: Executor = getDb()) {
  const [row] = await db
    .insert(invites)
    .values({ codeHash, label, expiresOn: sql`current_date + ${sql.raw(String(INVITE_DAYS))}` })
    .returning({ id: invites.id, expiresOn: invites.expiresOn });
  return row!;
}

const open = (codeHash: string) =>
  and(eq(invites.codeHash, codeHash), isNull(invites.usedOn), isNull(invites.revokedOn), gte(invites.expiresOn, sql`current_date`));

/** Whether an invite can still be used (checked before any hashing; consumeInvite decides). */
export async function inviteIsOpen(codeHash: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(invites, open(codeHash))) > 0;
}

/** Marks an open invite used, atomically: of two sign-ups racing for one invite, one wins. */
export async function consumeInvite(codeHash: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(invites)
    .set({ usedOn: sql`current_date` })
    .where(open(codeHash))
    .returning({ id: invites.id });
  return rows.length > 0;
}

export async function listInvites(db: Executor = getDb()) {
  return db
    .select({
      id: invites.id,
      label: invites.label,
      createdOn: invites.createdOn,
      expiresOn: invites.expiresOn,
      usedOn: invites.usedOn,
      revokedOn: invites.revokedOn,
      expired: sql<boolean>`${invites.expiresOn} < current_date`,
    })
    .from(invites)
    .orderBy(desc(invites.createdOn), desc(invites.id));
}

export async function revokeInvite(id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(invites)
    .set({ revokedOn: sql`current_date` })
    .where(and(eq(invites.id, id), isNull(invites.usedOn), isNull(invites.revokedOn)))
    .returning({ id: invites.id });
  return rows.length > 0;
}
