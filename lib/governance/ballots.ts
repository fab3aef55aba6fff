import 'server-only';
import { z } from 'zod';
import { appendChangelog } from '@/db/queries/changelog';
import { addVersion, newestVersion } from '@/db/queries/parameters';
import { ballotChoice, claimClosedVotes, countAndDiscardBallots, onRoll, openVoteSalt, putBallot, recordTally } from '@/db/queries/votes';
import { getDb } from '@/db/index';
import type { Outcome } from '@/lib/accounts/errors';
import { ballotToken } from './ballot-token';
import { proposalReason } from './proposals';
import { applyChanges, isProposalId, resultOf, type Choice, type Majority } from './votes';

export const choiceSchema = z.enum(['yes', 'no', 'abstain']);

type Actor = { id: string; role: string };

/** A member on the roll votes, or changes her vote, while the vote is open. */
export async function castVote(actor: Actor, proposalId: string, choice: unknown): Promise<Outcome> {
  const parsed = choiceSchema.safeParse(choice);
  if (!parsed.success) return { ok: false, fieldErrors: { choice: 'choiceRequired' } };
  if (!isProposalId(proposalId)) return { ok: false, formError: 'notFound' };
  if (actor.role !== 'seller' || !(await onRoll(proposalId, actor.id))) return { ok: false, formError: 'notOnRoll' };
  const salt = await openVoteSalt(proposalId);
  if (!salt) return { ok: false, formError: 'voteClosed' };
  const ok = await putBallot(proposalId, ballotToken(salt, proposalId, actor.id), parsed.data);
  return ok ? { ok: true } : { ok: false, formError: 'voteClosed' };
}

/** Her own current ballot while the vote is open (she may change it); null otherwise. */
export async function myChoice(actor: Actor, proposalId: string): Promise<Choice | null> {
  if (actor.role !== 'seller' || !isProposalId(proposalId)) return null;
  const salt = await openVoteSalt(proposalId);
  if (!salt || !(await onRoll(proposalId, actor.id))) return null;
  return ballotChoice(proposalId, ballotToken(salt, proposalId, actor.id));
}

/**
 * The timer's tally: every vote whose last day has passed, each claimed with a row lock (skip
 * locked) so one process counts it. In one transaction per run: count, delete the ballots and the
 * salt, record the result, add the next parameter version if accepted (in force from the next
 * snapshot), and log the outcome publicly. `ids` limits it (a coordinator's "count now").
 */
export async function tallyClosedVotes(ids?: string[]): Promise<number> {
  if (ids && !ids.every(isProposalId)) return 0;
  return getDb().transaction(async (tx) => {
    const due = await claimClosedVotes(tx, ids);
    for (const p of due) {
      const tally = await countAndDiscardBallots(p.id, tx);
      const rollSize = p.rollSize ?? 0;
      const result = resultOf(tally, rollSize, p.quorumPercent ?? 100, (p.majority ?? 'simple') as Majority);
      let version: number | null = null;
      if (result === 'accepted') {
        const next = applyChanges((await newestVersion(tx)).params, p.changes);
        if (!next) throw new Error(`Proposal ${p.id}: its changes no longer form a valid parameter set.`);
        version = await addVersion(next, p.id, tx);
      }
      await recordTally(p.id, { ...tally, result, version }, tx);
      const turnout = tally.yes + tally.no + tally.abstain;
      await appendChangelog(
        'proposal_closed',
        {
          changes: p.changes,
          reason: proposalReason(p),
          openedOn: p.openedOn,
          closesOn: p.closesOn,
          quorumPercent: p.quorumPercent,
          majority: p.majority,
          roll: rollSize,
          ...tally,
          turnout,
          result,
          version,
        },
        tx,
      );
    }
    return due.length;
  });
}
