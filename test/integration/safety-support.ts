import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { savePins } from '@/db/queries/checkins';
import { alarms, checkins, notifications } from '@/db/schema';
import { hashSecret } from '@/lib/passwords';
import { acceptRequest, inviteByPseudonym } from '@/lib/safety/buddies';
import { listBuddies } from '@/db/queries/buddies';
import { startCheckin, type StartInput } from '@/lib/safety/checkins';
import { makeUser, type TestUser } from './screening-support';

// Test helpers for the safety network: a seller with her buddies, her PINs, and counts of the alerts they got.

export const PIN = '2468';
export const DURESS = '1357';
export const MINUTE = 60_000;

let hashes: Promise<[string, string]> | undefined;

/** A seller with `buddyCount` accepted buddies and her PINs set (hashed once per file). */
export async function sellerWithBuddies(name: string, buddyCount = 2): Promise<{ seller: TestUser; buddies: TestUser[] }> {
  const seller = await makeUser('seller', `${name}.Seller`);
  hashes ??= Promise.all([hashSecret(PIN), hashSecret(DURESS)]);
  const [pinHash, duressHash] = await hashes;
  await savePins(seller.id, pinHash, duressHash);
  const buddies: TestUser[] = [];
  for (let i = 0; i < buddyCount; i++) {
    const buddy = await makeUser('seller', `${name}.Buddy${i}`);
    const invited = await inviteByPseudonym(seller.id, buddy.pseudonym);
    if (!invited.ok) throw new Error(`invite refused: ${JSON.stringify(invited)}`);
    const request = (await listBuddies(buddy.id)).find((b) => b.pseudonym === seller.pseudonym)!;
    const accepted = await acceptRequest(buddy.id, request.id);
    if (!accepted.ok) throw new Error(`accept refused: ${JSON.stringify(accepted)}`);
    buddies.push(buddy);
  }
  return { seller, buddies };
}

/** startCheckin that must succeed. */
export async function started(sellerId: string, input: StartInput, now: Date): Promise<string> {
  const result = await startCheckin(sellerId, input, now);
  if (!result.ok) throw new Error(`startCheckin refused: ${JSON.stringify(result)}`);
  return result.id;
}

/** How many notifications of this kind a person has. */
export async function alertCount(db: Executor, userId: string, kind: 'checkin_overdue' | 'alarm' | 'buddy_request'): Promise<number> {
  return db.$count(notifications, and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

export async function counts(db: Executor, users: TestUser[], kind: 'checkin_overdue' | 'alarm') {
  return Promise.all(users.map((u) => alertCount(db, u.id, kind)));
}

export async function checkinRow(db: Executor, id: string) {
  const [row] = await db.select().from(checkins).where(eq(checkins.id, id));
  return row ?? null;
}

export async function alarmRows(db: Executor, sellerId: string) {
  return db.select().from(alarms).where(eq(alarms.sellerId, sellerId));
}

export const after = (t: Date, minutes: number) => new Date(t.getTime() + minutes * MINUTE);
