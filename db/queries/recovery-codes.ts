import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { recoveryCodes } from '../schema';

export async function replaceRecoveryCodes(userId: string, rows: { codeHash: string; lookup: string }[], db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(rows.map((r) => ({ userId, ...r })));
  });
}

/** The codes that may match: those with this look-up id, and codes issued before look-up ids existed. */
export async function recoveryCandidates(userId: string, lookup: string, db: Executor = getDb()) {
  return db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), or(eq(recoveryCodes.lookup, lookup), isNull(recoveryCodes.lookup))));
}

/** Uses up one code; false when a concurrent request used it first. */
export async function consumeRecoveryCode(userId: string, id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.id, id)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countRecoveryCodes(userId: string, db: Executor = getDb()): Promise<number> {
  return db.$count(recoveryCodes, eq(recoveryCodes.userId, userId));
}
