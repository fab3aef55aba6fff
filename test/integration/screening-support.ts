import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { insertUser, type Role } from '@/db/queries/users';
import { buyerCounters, buyerSellerPairs, ratings, verificationCodes } from '@/db/schema';
import { recordEncounter, type RecordInput } from '@/lib/screening/encounters';

// Test helpers for the screening services: users without argon2 (a dummy hash), encounters,
// and direct reads of the rows the services write.

export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$dummy$dummy';

export interface TestUser {
  id: string;
  pseudonym: string;
  role: Role;
}

export async function makeUser(role: Role, pseudonym: string): Promise<TestUser> {
  const id = await insertUser({ pseudonym, pseudonymKey: pseudonym.toLowerCase(), role, passwordHash: DUMMY_HASH });
  return { id, pseudonym, role };
}

export async function makeUsers(role: Role, prefix: string, count: number): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (let i = 0; i < count; i++) out.push(await makeUser(role, `${prefix}${i}`));
  return out;
}

/** recordEncounter that must succeed. */
export async function encounter(sellerId: string, input: RecordInput) {
  const result = await recordEncounter(sellerId, input);
  if (!result.ok) throw new Error(`recordEncounter refused: ${JSON.stringify(result)}`);
  return result;
}

export async function codeRow(db: Executor, codeId: string) {
  const [row] = await db.select().from(verificationCodes).where(eq(verificationCodes.id, codeId));
  if (!row) throw new Error(`no code ${codeId}`);
  return row;
}

export async function countersOf(db: Executor, buyerId: string) {
  const [row] = await db.select().from(buyerCounters).where(eq(buyerCounters.buyerId, buyerId));
  return row ?? null;
}

export async function ratingsOfCode(db: Executor, codeId: string) {
  return db.select().from(ratings).where(eq(ratings.codeId, codeId));
}

/** Pretends the seller's last rating of this buyer was `days` days ago (the one-per-day rule). */
export async function ageLastRated(db: Executor, buyerId: string, sellerId: string, days = 1) {
  await db
    .update(buyerSellerPairs)
    .set({ lastRatedOn: sql`${buyerSellerPairs.lastRatedOn} - ${sql.raw(String(Math.trunc(days)))}` })
    .where(and(eq(buyerSellerPairs.buyerId, buyerId), eq(buyerSellerPairs.sellerId, sellerId)));
}

/** Moves a code's expiry into the past. */
export async function expireCode(db: Executor, codeId: string) {
  await db.update(verificationCodes).set({ expiresOn: sql`current_date - 1` }).where(eq(verificationCodes.id, codeId));
}

/** A well-formed code that is none of the given ones. */
export function wrongCode(avoid: Iterable<string>): string {
  const taken = new Set(avoid);
  for (let n = 271_828; ; n = (n + 7_919) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!taken.has(code)) return code;
  }
}

/**
 * The dump text with UUIDs and ISO timestamps blanked, so a 6-digit code found in what is left
 * is a stored code, not a coincidence inside an identifier.
 */
export function withoutIdentifiers(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}t\d{2}:\d{2}:\d{2}(\.\d+)?(z|[+-]\d{2}(:?\d{2})?)?/g, '<time>');
}

/** Whether the 6-digit code occurs in the text as a digit run of its own. */
export function containsCode(text: string, code: string): boolean {
  return new RegExp(`(?<!\\d)${code}(?!\\d)`).test(text);
}

/** A small seeded PRNG (mulberry32), so a randomized test replays exactly. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
