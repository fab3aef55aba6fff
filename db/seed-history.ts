import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { pseudonymKey } from '@/lib/accounts/rules';
import { getDb } from './index';
import { insertUser } from './queries/users';
import { rebuildCounters } from './queries/rebuild';
import { invites, ratings, sellerActivityWeeks, verificationCodes } from './schema';

/** A small deterministic PRNG, so the demo looks the same every time. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (offset: number) => sql`current_date - ${offset}::int`;

/**
 * Twelve weeks of a plausible pilot behind the demo accounts, so the coordinator dashboard has
 * figures above its suppression threshold: more sellers and buyers (all with the demo password),
 * encounters, redemptions, ratings both ways (a few unsafe flags on two buyers), invites and
 * activity. Written in bulk, back-dated; the counters are then rebuilt from the ratings.
 */
export async function seedPilotHistory(sellerIds: string[], buyerIds: string[], passwordHash: string) {
  const db = getDb();
  const random = prng(2026);
  const sellers = [...sellerIds];
  for (let i = 3; i <= 8; i++) {
    const pseudonym = `demo-seller${i}`;
    sellers.push(await insertUser({ pseudonym, pseudonymKey: pseudonymKey(pseudonym), role: 'seller', passwordHash }));
  }
  const buyers = [...buyerIds];
  for (let i = 3; i <= 30; i++) {
    const pseudonym = `demo-kunde${i}`;
    buyers.push(await insertUser({ pseudonym, pseudonymKey: pseudonymKey(pseudonym), role: 'buyer', passwordHash }));
  }
  const risky = new Set(buyers.slice(-2));

  const codeRows: PgInsertValue<typeof verificationCodes>[] = [];
  const ratingRows: PgInsertValue<typeof ratings>[] = [];
  const activity: PgInsertValue<typeof sellerActivityWeeks>[] = [];
  sellers.forEach((sellerId, s) => {
    const joined = 83 - s * 3; // days ago
    for (let week = 11; week >= 0; week--) {
      const start = week * 7 + 6;
      if (start > joined || random() < 0.12) continue; // not yet a member, or a week off
      activity.push({ userId: sellerId, weekStart: sql`date_trunc('week', current_date - ${start - 6}::int)::date` });
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const ago = week * 7 + Math.floor(random() * 7);
        const buyerId = buyers[Math.floor(random() * buyers.length)]!;
        const id = randomUUID();
        const redeemed = random() < 0.7 && ago > 0;
        codeRows.push({
          id, sellerId, boundBuyerId: buyerId, redeemedBy: redeemed ? buyerId : null,
          createdOn: day(ago), expiresOn: day(ago - 30),
          redeemedOn: redeemed ? (day(ago - 1)) : null,
        });
        if (random() < 0.8) {
          const unsafe = risky.has(buyerId) && random() < 0.7;
          ratingRows.push({ codeId: id, direction: 'seller_rates_buyer', raterId: sellerId, rateeId: buyerId, safe: !unsafe, reliable: random() > 0.1, createdOn: day(ago) });
        }
        if (redeemed && random() < 0.6) {
          ratingRows.push({ codeId: id, direction: 'buyer_rates_seller', raterId: buyerId, rateeId: sellerId, safe: true, reliable: random() > 0.05, createdOn: day(ago - 1) });
        }
      }
    }
  });
  // The two seed sellers used real invites today; the others joined over the weeks.
  const inviteRows = sellers.slice(2).map((_, s) => ({
    codeHash: randomUUID(), createdOn: day(86 - s * 3), expiresOn: day(72 - s * 3), usedOn: sql`date_trunc('week', ${day(83 - s * 3)})::date`,
  }));
  await db.insert(invites).values(inviteRows);
  for (let i = 0; i < codeRows.length; i += 500) await db.insert(verificationCodes).values(codeRows.slice(i, i + 500));
  for (let i = 0; i < ratingRows.length; i += 500) await db.insert(ratings).values(ratingRows.slice(i, i + 500));
  await db.insert(sellerActivityWeeks).values(activity).onConflictDoNothing();
  await rebuildCounters();
}
