import { expect } from 'vitest';
import type { Executor } from '@/db/client';
import { rateBuyer } from '@/lib/screening/encounters';
import { rateSeller, redeemCode } from '@/lib/screening/redeem';
import type { BuyerRating } from '@/lib/trust';
import { ageLastRated, encounter, type TestUser } from './screening-support';

// Ratings as the services make them, for the snapshot and release tests.

/** The seller records an encounter with the buyer, who redeems it and rates her. */
export async function buyerRates(seller: TestUser, buyer: TestUser, flags: BuyerRating) {
  const code = await encounter(seller.id, { buyer: buyer.pseudonym });
  expect(await redeemCode(buyer.id, code.code)).toMatchObject({ ok: true });
  expect(await rateSeller(buyer.id, code.codeId, flags)).toEqual({ ok: true });
}

/** The seller rates the buyer (as if on another day if she already did today). */
export async function sellerRates(db: Executor, seller: TestUser, buyer: TestUser, flags: BuyerRating) {
  await ageLastRated(db, buyer.id, seller.id);
  const code = await encounter(seller.id, { buyer: buyer.pseudonym });
  expect(await rateBuyer(seller.id, code.codeId, flags)).toEqual({ ok: true });
}

/** Every number in a JSON value, with where it sits. */
export function numbersIn(value: unknown, at = '$'): [string, number][] {
  if (typeof value === 'number') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${at}.${k}`));
  return [];
}

/** Asserts that a JSON value holds no figure finer than two decimals and no exact sample size. */
export function expectCoarse(value: unknown) {
  const json = JSON.parse(JSON.stringify(value)) as unknown;
  for (const [at, x] of numbersIn(json)) expect(Math.abs(x * 100 - Math.round(x * 100)), at).toBeLessThan(1e-9);
  const text = JSON.stringify(json);
  expect(text).not.toMatch(/trustedWeight|influence/);
  for (const m of text.matchAll(/"sampleSize":("[^"]*"|[^,}]*)/g)) expect(['"<5"', '"5-9"', '"10-19"', '"20-49"', '"50+"']).toContain(m[1]);
}
