import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildCounters } from '@/db/queries/rebuild';
import { buyerCounters, flagContests, publicChangelog, ratings, users } from '@/db/schema';
import { signUp } from '@/lib/accounts/sign-up';
import { annotateReview, closeReview, contestFlag, removeFlagAfterReview, reviewOf, reviewQueue } from '@/lib/rights/contests';
import { CONTEST_NOTE_MAX } from '@/lib/rights/limits';
import { withTestDatabase } from '../support/database';
import { ageLastRated, countersOf, encounter, makeUser, makeUsers, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

async function allCounters() {
  return (await db().select().from(buyerCounters)).sort((a, b) => a.buyerId.localeCompare(b.buyerId));
}

describe(`buyers' consent at sign-up (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a buyer without the ticked box is refused; with it, only the day is stored', async () => {
    const refused = await signUp({ pseudonym: 'No.Consent', password: 'Quill-Meadow-Orbit-55', role: 'buyer' });
    expect(refused).toEqual({ ok: false, fieldErrors: { consent: 'consentRequired' } });
    const ok = await signUp({ pseudonym: 'With.Consent', password: 'Quill-Meadow-Orbit-55', role: 'buyer', consent: true });
    expect(ok.ok).toBe(true);
    const [row] = await db().select({ consentOn: users.consentOn }).from(users).where(eq(users.pseudonymKey, 'with.consent'));
    expect(row!.consentOn).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe(`contest → review → removal (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let buyer: TestUser, other: TestUser, sellers: TestUser[];
  let contestId: string;

  beforeAll(async () => {
    buyer = await makeUser('buyer', 'Contest.Buyer');
    other = await makeUser('buyer', 'Other.Buyer');
    sellers = await makeUsers('seller', 'Contest.Seller', 3);
    // Seller 0 flags unsafe twice (two days) and unreliable once; seller 1 unsafe once; seller 2 a clean rating.
    await encounter(sellers[0]!.id, { buyer: buyer.pseudonym, safe: 'no', reliable: 'yes' });
    await ageLastRated(db(), buyer.id, sellers[0]!.id);
    await encounter(sellers[0]!.id, { buyer: buyer.pseudonym, safe: 'no', reliable: 'no' });
    await encounter(sellers[1]!.id, { buyer: buyer.pseudonym, safe: 'no', reliable: 'skip' });
    await encounter(sellers[2]!.id, { buyer: buyer.pseudonym, safe: 'yes', reliable: 'yes' });
    await encounter(sellers[1]!.id, { buyer: other.pseudonym, safe: 'no', reliable: 'no' });
  });

  it('refuses a contest without a reason or with an over-long note, and a second open one', async () => {
    expect(await contestFlag(buyer.id, { reason: 'because' })).toEqual({ ok: false, fieldErrors: { reason: 'contestReason' } });
    expect(await contestFlag(buyer.id, { reason: 'other', note: 'x'.repeat(CONTEST_NOTE_MAX + 1) })).toEqual({ ok: false, fieldErrors: { note: 'contestNoteTooLong' } });
    expect(await contestFlag(buyer.id, { reason: 'never_met', note: 'I was abroad that week' })).toEqual({ ok: true });
    expect(await contestFlag(buyer.id, { reason: 'other' })).toEqual({ ok: false, formError: 'contestOpen' });
    const [row] = await db().select().from(flagContests).where(eq(flagContests.buyerId, buyer.id));
    contestId = row!.id;
    // Stored encrypted, never as typed.
    expect(JSON.stringify(row)).not.toContain('abroad');
  });

  it('the review shows the counts and each flag with its date, never a rater', async () => {
    const queue = await reviewQueue();
    expect(queue.map((c) => c.id)).toEqual([contestId]);
    expect(queue[0]!.note).toBe('I was abroad that week');
    const review = (await reviewOf(contestId))!;
    expect(review.counts).toMatchObject({ ratings: 4, safeNo: 3, unsafeRaters: 2, reliableNo: 1, unreliableRaters: 1 });
    expect(review.flags.map((f) => f.flag).sort()).toEqual(['reliable', 'safe', 'safe', 'safe']);
    const shown = JSON.stringify(review);
    for (const s of sellers) {
      expect(shown).not.toContain(s.id);
      expect(shown).not.toContain(s.pseudonym);
    }
  });

  it('annotating stores the note encrypted and shows it back', async () => {
    expect(await annotateReview({ id: contestId, text: '' })).toEqual({ ok: false, fieldErrors: { text: 'annotationRequired' } });
    expect(await annotateReview({ id: contestId, text: 'Discussed at the meeting' })).toEqual({ ok: true });
    expect((await reviewOf(contestId))!.contest.annotation).toBe('Discussed at the meeting');
    const [row] = await db().select().from(flagContests).where(eq(flagContests.id, contestId));
    expect(JSON.stringify(row)).not.toContain('meeting');
  });

  it('removing flags updates the counters exactly as a recount would, and logs each removal without names', async () => {
    const flags = (await reviewOf(contestId))!.flags;
    const unsafe = flags.filter((f) => f.flag === 'safe');
    const unreliable = flags.find((f) => f.flag === 'reliable')!;
    // One of seller 0's two unsafe flags (she still counts as an unsafe rater), then seller 1's only one.
    const first = unsafe.find((f) => f.ratingId === unreliable.ratingId)!;
    expect(await removeFlagAfterReview({ id: contestId, ratingId: first.ratingId, flag: 'safe' })).toEqual({ ok: true });
    expect(await removeFlagAfterReview({ id: contestId, ratingId: unreliable.ratingId, flag: 'reliable' })).toEqual({ ok: true });
    expect(await removeFlagAfterReview({ id: contestId, ratingId: first.ratingId, flag: 'safe' })).toEqual({ ok: false, formError: 'flagGone' });

    const afterTwo = await countersOf(db(), buyer.id);
    expect(afterTwo).toMatchObject({ ratings: 4, safeNo: 2, unsafeRaters: 2, reliableNo: 0, unreliableRaters: 0 });

    const remaining = (await reviewOf(contestId))!.flags.filter((f) => f.flag === 'safe');
    for (const f of remaining) expect(await removeFlagAfterReview({ id: contestId, ratingId: f.ratingId, flag: 'safe' })).toEqual({ ok: true });
    const incremental = await allCounters();
    expect(incremental.find((c) => c.buyerId === buyer.id)).toMatchObject({ safeNo: 0, unsafeRaters: 0, lastUnsafeOn: null });
    // The other buyer's counters are untouched, and everything equals a recount from the rows.
    expect(await countersOf(db(), other.id)).toMatchObject({ safeNo: 1, reliableNo: 1 });
    await rebuildCounters(db());
    expect(await allCounters()).toEqual(incremental);

    const log = await db().select().from(publicChangelog);
    expect(log).toHaveLength(4);
    expect(log.every((e) => e.entry === 'flag_removed' && e.changedOn === new Date().toISOString().slice(0, 10))).toBe(true);
    // A date, the kind and the chain's fields: the body names no one (it is empty for a flag removal).
    expect(Object.keys(log[0]!).sort()).toEqual(['body', 'changedOn', 'entry', 'hash', 'id', 'prevHash', 'seq']);
    expect(log.every((e) => JSON.stringify(e.body) === '{}')).toBe(true);
    expect(log.map((e) => e.seq).sort()).toEqual([1, 2, 3, 4]);
  });

  it('a flag of another buyer cannot be removed through this review; closing ends it', async () => {
    // The review never lists another buyer's flags: the test finds the id itself.
    const [otherRating] = await db().select({ id: ratings.id }).from(ratings).where(and(eq(ratings.rateeId, other.id), eq(ratings.safe, false)));
    expect(await removeFlagAfterReview({ id: contestId, ratingId: otherRating!.id, flag: 'safe' })).toEqual({ ok: false, formError: 'flagGone' });
    expect(await countersOf(db(), other.id)).toMatchObject({ safeNo: 1 });
    expect(await closeReview({ id: contestId })).toEqual({ ok: true });
    expect(await closeReview({ id: contestId })).toEqual({ ok: false, formError: 'reviewGone' });
    expect(await contestFlag(buyer.id, { reason: 'other' })).toEqual({ ok: true });
  });
});
