import 'server-only';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Parameters } from '@/lib/governance/parameters';
import type { Choice, Majority, Tally } from '@/lib/governance/votes';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { ballots, electoralRoll, proposals, proposalSponsors, users } from '../schema';

const summary = {
  id: proposals.id,
  status: proposals.status,
  changes: proposals.changes,
  baseVersion: proposals.baseVersion,
  reasonKeyVersion: proposals.reasonKeyVersion,
  reasonCiphertext: proposals.reasonCiphertext,
  byCoordinator: proposals.byCoordinator,
  createdOn: proposals.createdOn,
  openedOn: proposals.openedOn,
  closesOn: proposals.closesOn,
  quorumPercent: proposals.quorumPercent,
  majority: proposals.majority,
  rollSize: proposals.rollSize,
  yes: proposals.yes,
  no: proposals.no,
  abstain: proposals.abstain,
  result: proposals.result,
  talliedOn: proposals.talliedOn,
  version: proposals.version,
};
export type ProposalRow = Omit<{ [K in keyof typeof summary]: (typeof summary)[K]['_']['data'] }, 'changes'> & { changes: Partial<Parameters> };

export async function insertProposal(
  p: { id: string; changes: Partial<Parameters>; baseVersion: number; reason: { keyVersion: number; ciphertext: string }; byCoordinator: boolean },
  db: Executor = getDb(),
) {
  await db.insert(proposals).values({ id: p.id, changes: p.changes, baseVersion: p.baseVersion, reasonKeyVersion: p.reason.keyVersion, reasonCiphertext: p.reason.ciphertext, byCoordinator: p.byCoordinator });
}

export async function listProposals(db: Executor = getDb()): Promise<ProposalRow[]> {
  return (await db.select(summary).from(proposals).orderBy(desc(proposals.createdOn), desc(proposals.openedOn)).limit(100)) as ProposalRow[];
}

export async function proposalById(id: string, db: Executor = getDb()): Promise<ProposalRow | null> {
  const [row] = await db.select(summary).from(proposals).where(eq(proposals.id, id));
  return (row as ProposalRow | undefined) ?? null;
}

/** A member's co-signature; returns how many the proposal has (the caller opens it at three). */
export async function addSponsor(proposalId: string, memberId: string, tx: Executor): Promise<number> {
  await tx.insert(proposalSponsors).values({ proposalId, memberId }).onConflictDoNothing();
  return tx.$count(proposalSponsors, eq(proposalSponsors.proposalId, proposalId));
}

export async function sponsorsOf(proposalId: string, db: Executor = getDb()): Promise<{ count: number }> {
  return { count: await db.$count(proposalSponsors, eq(proposalSponsors.proposalId, proposalId)) };
}

export async function hasSponsored(proposalId: string, memberId: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(proposalSponsors, and(eq(proposalSponsors.proposalId, proposalId), eq(proposalSponsors.memberId, memberId)))) > 0;
}

/** Locks a proposal still gathering support, for opening it. */
export async function lockGathering(id: string, tx: Executor) {
  const [row] = await tx.select({ id: proposals.id, changes: proposals.changes }).from(proposals).where(and(eq(proposals.id, id), eq(proposals.status, 'gathering'))).for('update');
  return row ?? null;
}

/**
 * Opens the vote in the caller's transaction: the roll is every seller (member) now, frozen;
 * quorum, majority and the closing day are fixed here and never change.
 */
export async function openVote(
  id: string,
  rules: { days: number; quorumPercent: number; majority: Majority; salt: string },
  tx: Executor,
): Promise<number> {
  await tx.execute(sql`insert into electoral_roll (proposal_id, member_id) select ${id}::uuid, id from users where role = 'seller'`);
  const rollSize = await tx.$count(electoralRoll, eq(electoralRoll.proposalId, id));
  await tx
    .update(proposals)
    .set({ status: 'open', openedOn: sql`current_date`, closesOn: sql`current_date + ${rules.days}::int`, quorumPercent: rules.quorumPercent, majority: rules.majority, rollSize, ballotSalt: rules.salt })
    .where(eq(proposals.id, id));
  return rollSize;
}

export async function onRoll(proposalId: string, memberId: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(electoralRoll, and(eq(electoralRoll.proposalId, proposalId), eq(electoralRoll.memberId, memberId)))) > 0;
}

/** The salt of a vote that is open today (votes through its closing day), or null. */
export async function openVoteSalt(proposalId: string, db: Executor = getDb()): Promise<string | null> {
  const [row] = await queryRows<{ salt: string | null }>(db, sql`
    select ballot_salt as salt from proposals where id = ${proposalId}::uuid and status = 'open' and closes_on >= current_date`);
  return row?.salt ?? null;
}

/** Casts or replaces the ballot under this token, only while the vote is open. */
export async function putBallot(proposalId: string, token: string, choice: Choice, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [open] = await tx.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.id, proposalId), eq(proposals.status, 'open'), sql`${proposals.closesOn} >= current_date`)).for('share');
    if (!open) return false;
    await tx.insert(ballots).values({ proposalId, token, choice }).onConflictDoUpdate({ target: [ballots.proposalId, ballots.token], set: { choice } });
    return true;
  });
}

export async function ballotChoice(proposalId: string, token: string, db: Executor = getDb()): Promise<Choice | null> {
  const [row] = await db.select({ choice: ballots.choice }).from(ballots).where(and(eq(ballots.proposalId, proposalId), eq(ballots.token, token)));
  return row?.choice ?? null;
}

/** Open votes whose last day has passed, locked for the tally (skip locked: another process has it). */
export async function claimClosedVotes(tx: Executor, ids?: string[]) {
  const where = and(eq(proposals.status, 'open'), lte(proposals.closesOn, sql`current_date - 1`), ids ? inArray(proposals.id, ids) : undefined);
  return (await tx.select(summary).from(proposals).where(where).for('update', { skipLocked: true })) as ProposalRow[];
}

/**
 * Counts the ballots, then deletes them and the salt in the same transaction: after this, no
 * token can be recomputed (the salt is gone) and there are no ballots to link.
 */
export async function countAndDiscardBallots(proposalId: string, tx: Executor): Promise<Tally> {
  const rows = await tx.select({ choice: ballots.choice, n: sql<number>`count(*)::int` }).from(ballots).where(eq(ballots.proposalId, proposalId)).groupBy(ballots.choice);
  const n = (c: Choice) => Number(rows.find((r) => r.choice === c)?.n ?? 0);
  await tx.delete(ballots).where(eq(ballots.proposalId, proposalId));
  return { yes: n('yes'), no: n('no'), abstain: n('abstain') };
}

export async function recordTally(
  proposalId: string,
  t: Tally & { result: 'accepted' | 'rejected' | 'no_quorum'; version: number | null },
  tx: Executor,
) {
  await tx
    .update(proposals)
    .set({ status: 'closed', ballotSalt: null, yes: t.yes, no: t.no, abstain: t.abstain, result: t.result, version: t.version, talliedOn: sql`current_date` })
    .where(eq(proposals.id, proposalId));
}

/** A member counted for the roll: a seller account (used by tests and the votes page). */
export async function isMember(userId: string, db: Executor = getDb()): Promise<boolean> {
  return (await db.$count(users, and(eq(users.id, userId), eq(users.role, 'seller')))) > 0;
}
