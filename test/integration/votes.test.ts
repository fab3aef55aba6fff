import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { changelogChain } from '@/db/queries/changelog';
import { allVersions, logVersionsInForce, versionInForce } from '@/db/queries/parameters';
import { listProposals, proposalById } from '@/db/queries/votes';
import { ballots, electoralRoll, proposals, publicChangelog, scoreSnapshots } from '@/db/schema';
import { ballotToken } from '@/lib/governance/ballot-token';
import { castVote, myChoice, tallyClosedVotes } from '@/lib/governance/ballots';
import { entryHash, verifyChain } from '@/lib/governance/chain';
import { VERSION_1 } from '@/lib/governance/parameters';
import { cosign, openByCoordinator, propose } from '@/lib/governance/proposals';
import { takeSnapshot } from '@/lib/screening/snapshots';
import { withTestDatabase } from '../support/database';
import { dumpPublicTables, dumpText } from './helpers';
import { sellerRates } from './score-support';
import { makeUser, makeUsers, type TestUser } from './screening-support';

// Issue 20: one member, one vote, anonymous after the close, and an accepted change in force
// from the next snapshot.

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const where = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

const reason = 'Weekly releases should need four raters, not three.';
async function proposeAsCoordinator(coordinator: TestUser, change: Partial<typeof VERSION_1>, days = 7) {
  const out = await propose(coordinator, { params: { ...VERSION_1, ...change }, reason, days });
  if (!out.ok) throw new Error(JSON.stringify(out));
  return out.id;
}
/** The vote's last day is over (as if `days` had passed). */
const endVote = (id: string) => db().update(proposals).set({ closesOn: sql`current_date - 1` }).where(eq(proposals.id, id));

describe(`votes (${where})`, () => {
  let coordinator: TestUser;
  let members: TestUser[];
  let buyer: TestUser;

  beforeAll(async () => {
    coordinator = await makeUser('coordinator', 'Vote.Coord');
    members = await makeUsers('seller', 'Vote.Member', 6);
    buyer = await makeUser('buyer', 'Vote.Buyer');
  });

  it('the form refuses values outside the allowed ranges and a proposal that changes nothing', async () => {
    expect(await propose(coordinator, { params: { ...VERSION_1, releaseThreshold: 1 }, reason, days: 7 })).toEqual({ ok: false, fieldErrors: { releaseThreshold: 'paramRange' } });
    expect(await propose(coordinator, { params: { ...VERSION_1, releaseThreshold: 4 }, reason, days: 6 })).toMatchObject({ ok: false, fieldErrors: { days: 'votingDays' } });
    expect(await propose(coordinator, { params: VERSION_1, reason, days: 7 })).toEqual({ ok: false, formError: 'nothingChanged' });
    expect(await propose(buyer, { params: { ...VERSION_1, releaseThreshold: 4 }, reason, days: 7 })).toEqual({ ok: false, formError: 'forbidden' });
    expect(await db().$count(proposals)).toBe(0);
  });

  it('three members open a proposal together; each signs once; the roll is the members at that moment, frozen', async () => {
    const [a, b, c] = members as [TestUser, TestUser, TestUser];
    const made = await propose(a, { params: { ...VERSION_1, dampingExponent: 2 }, reason, days: 7 });
    expect(made).toMatchObject({ ok: true, opened: false });
    const id = (made as { id: string }).id;
    expect(await cosign(b, id)).toEqual({ ok: true, opened: false });
    expect(await cosign(b, id)).toEqual({ ok: true, opened: false }); // twice is still one signature
    expect((await proposalById(id))!.status).toBe('gathering');
    expect(await cosign(buyer, id)).toEqual({ ok: false, formError: 'forbidden' });
    expect(await cosign(c, id)).toEqual({ ok: true, opened: true });
    const open = (await proposalById(id))!;
    expect(open).toMatchObject({ status: 'open', rollSize: 6, quorumPercent: 50, majority: 'simple' });

    const late = await makeUser('seller', 'Vote.Late');
    expect(await castVote(late, id, 'yes')).toEqual({ ok: false, formError: 'notOnRoll' });
    expect(await db().$count(electoralRoll, eq(electoralRoll.proposalId, id))).toBe(6);
    expect(await cosign(c, id)).toEqual({ ok: false, formError: 'notGathering' });
  });

  it('one ballot per member, changeable until the close; no interim result anywhere', async () => {
    const id = await proposeAsCoordinator(coordinator, { sellerRatingWeight: 2 });
    const [a, b] = members as [TestUser, TestUser];
    expect(await castVote(a, id, 'yes')).toEqual({ ok: true });
    expect(await castVote(b, id, 'yes')).toEqual({ ok: true });
    expect(await castVote(b, id, 'no')).toEqual({ ok: true });
    expect(await castVote(b, id, 'maybe')).toEqual({ ok: false, fieldErrors: { choice: 'choiceRequired' } });
    expect(await castVote(coordinator, id, 'yes')).toEqual({ ok: false, formError: 'notOnRoll' });
    expect(await castVote(buyer, id, 'yes')).toEqual({ ok: false, formError: 'notOnRoll' });
    expect(await myChoice(b, id)).toBe('no');
    expect(await db().$count(ballots, eq(ballots.proposalId, id))).toBe(2);

    const interim = (await proposalById(id))!;
    expect([interim.yes, interim.no, interim.abstain, interim.result]).toEqual([null, null, null, null]);
    expect((await listProposals()).find((p) => p.id === id)).toMatchObject({ yes: null, no: null, abstain: null, result: null });
    expect(await tallyClosedVotes()).toBe(0); // its last day has not passed
    expect((await proposalById(id))!.status).toBe('open');
  });

  it('a vote without quorum changes nothing; after the close no ballot can be cast', async () => {
    const id = await proposeAsCoordinator(coordinator, { percentile: 0.3 });
    expect(await castVote(members[0]!, id, 'yes')).toEqual({ ok: true });
    expect(await castVote(members[1]!, id, 'yes')).toEqual({ ok: true }); // 2 of 6 < 50 %
    await endVote(id);
    expect(await castVote(members[2]!, id, 'yes')).toEqual({ ok: false, formError: 'voteClosed' });
    // Two timers at once: one counts, the other finds nothing left.
    const counted = await Promise.all([tallyClosedVotes(), tallyClosedVotes()]);
    expect(counted.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    expect(await proposalById(id)).toMatchObject({ status: 'closed', result: 'no_quorum', yes: 2, no: 0, abstain: 0, version: null });
    expect((await allVersions()).map((v) => v.version)).toEqual([1]);
    expect((await changelogChain()).filter((e) => e.entry === 'proposal_closed' && (e.body as { changes: object }).changes && JSON.stringify(e.body).includes('"percentile":0.3'))).toHaveLength(1);
  });

  it('a rejected majority, and a change of the voting rules needs two thirds', async () => {
    const id = await proposeAsCoordinator(coordinator, { quorumPercent: 60 });
    expect((await proposalById(id))!.majority).toBe('two_thirds');
    for (const [i, choice] of ['yes', 'yes', 'yes', 'no', 'no', 'abstain'].entries()) expect(await castVote(members[i]!, id, choice)).toEqual({ ok: true });
    await endVote(id);
    await tallyClosedVotes([id]);
    expect(await proposalById(id)).toMatchObject({ result: 'rejected', yes: 3, no: 2, abstain: 1 }); // 3 of 5 < 2/3
  });

  it('accepted: the next version waits for the next snapshot, which applies it from then on only', async () => {
    // Before: buyer X has three raters, released under version 1 (K = 3).
    const x = await makeUser('buyer', 'Vote.X');
    const y = await makeUser('buyer', 'Vote.Y');
    for (const m of members.slice(0, 3)) await sellerRates(db(), m, x, { safe: true, reliable: true });
    await takeSnapshot();
    const before = (await db().select().from(scoreSnapshots).where(eq(scoreSnapshots.userId, x.id)))[0]!;
    expect(before.paramsVersion).toBe(1);

    const id = await proposeAsCoordinator(coordinator, { releaseThreshold: 4 });
    const salt = (await db().select({ s: proposals.ballotSalt }).from(proposals).where(eq(proposals.id, id)))[0]!.s!;
    for (const [i, choice] of ['yes', 'yes', 'yes', 'yes', 'no', 'abstain'].entries()) expect(await castVote(members[i]!, id, choice)).toEqual({ ok: true });
    await endVote(id);
    expect(await tallyClosedVotes()).toBe(1);
    expect(await proposalById(id)).toMatchObject({ result: 'accepted', yes: 4, no: 1, abstain: 1, version: 2 });
    expect((await versionInForce()).version).toBe(1); // not until the next snapshot
    expect((await allVersions())[0]).toMatchObject({ version: 2, inForceFrom: null, params: { ...VERSION_1, releaseThreshold: 4 } });

    // Y gets three new raters: due under K = 3, not under K = 4, which the snapshot puts in force first.
    for (const m of members.slice(0, 3)) await sellerRates(db(), m, y, { safe: true, reliable: true });
    await takeSnapshot();
    expect((await versionInForce()).version).toBe(2);
    expect(await db().select().from(scoreSnapshots).where(eq(scoreSnapshots.userId, y.id))).toEqual([]);
    await sellerRates(db(), members[3]!, y, { safe: true, reliable: true });
    await takeSnapshot();
    // The timer logs each version put in force once (version 1 too).
    expect(await logVersionsInForce()).toBe(2);
    expect(await logVersionsInForce()).toBe(0);
    expect((await db().select().from(scoreSnapshots).where(eq(scoreSnapshots.userId, y.id)))[0]!.paramsVersion).toBe(2);
    // Nothing retroactive: X's stored release keeps its score, date and version.
    expect((await db().select().from(scoreSnapshots).where(eq(scoreSnapshots.userId, x.id)))[0]).toEqual(before);

    // A dump after the close links no ballot to a member.
    const dump = await dumpPublicTables(db());
    expect(dump.ballots!.filter((b) => b.proposal_id === id)).toEqual([]); // other votes are still open
    expect(dump.proposals!.every((p) => p.ballot_salt === null || p.status !== 'closed')).toBe(true);
    const text = await dumpText(db());
    expect(text).not.toContain(salt.toLowerCase());
    for (const m of members) expect(text).not.toContain(ballotToken(salt, id, m.id).toLowerCase());
    // Rows naming a member (roll, co-signatures, accounts) carry no choice; the one record of choices is the counts.
    for (const [table, rows] of Object.entries(dump)) {
      for (const row of rows) {
        const values = Object.values(row).map((v) => String(v));
        if (members.some((m) => values.includes(m.id))) expect(values.filter((v) => ['yes', 'no', 'abstain'].includes(v)), table).toEqual([]);
      }
    }
    expect(Object.keys(dump.electoral_roll![0]!).sort()).toEqual(['member_id', 'proposal_id']);
  });

  it('a coordinator opens a members\' proposal; the changelog chain verifies and shows a rewrite', async () => {
    const made = await propose(members[0]!, { params: { ...VERSION_1, retentionDays: 120 }, reason, days: 7 });
    const id = (made as { id: string }).id;
    expect(await openByCoordinator(members[1]!, id, 7)).toEqual({ ok: false, formError: 'forbidden' });
    expect(await openByCoordinator(coordinator, id, 3)).toEqual({ ok: false, fieldErrors: { days: 'votingDays' } });
    expect(await openByCoordinator(coordinator, id, 10)).toEqual({ ok: true });
    expect((await proposalById(id))!.status).toBe('open');

    const chain = await changelogChain();
    expect(chain.map((e) => e.entry)).toEqual(['proposal_closed', 'proposal_closed', 'proposal_closed', 'parameter_version', 'parameter_version']);
    expect(chain.slice(3).map((e) => (e.body as { version: number }).version)).toEqual([1, 2]);
    expect(verifyChain(chain)).toMatchObject({ ok: true, entries: 5 });
    const published = chain[2]!.body as Record<string, unknown>;
    // The roll includes the member who joined after the first vote opened.
    expect(published).toMatchObject({ reason, yes: 4, no: 1, abstain: 1, roll: 7, turnout: 6, result: 'accepted', version: 2 });

    // Someone with the database rewrites history: a rejected vote becomes accepted.
    const target = (await db().select({ id: publicChangelog.id, body: publicChangelog.body }).from(publicChangelog).where(eq(publicChangelog.seq, 2)))[0]!;
    await db().update(publicChangelog).set({ body: { ...(target.body as object), result: 'accepted' } }).where(eq(publicChangelog.id, target.id));
    expect(verifyChain(await changelogChain())).toEqual({ ok: false, seq: 2, problem: 'hash' });
    // Re-hashing the rewritten entry breaks the next link instead.
    const rewritten = (await changelogChain())[1]!;
    await db().update(publicChangelog).set({ hash: entryHash(rewritten.prevHash, rewritten) }).where(eq(publicChangelog.id, target.id));
    expect(verifyChain(await changelogChain())).toEqual({ ok: false, seq: 3, problem: 'link' });
  });
});
