import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { versionInForce } from '@/db/queries/parameters';
import { addSponsor, insertProposal, isMember, lockGathering, openVote, proposalById, type ProposalRow } from '@/db/queries/votes';
import { getDb, type Executor } from '@/db/index';
import type { Outcome } from '@/lib/accounts/errors';
import { fieldErrorsOf } from '@/lib/accounts/errors';
import { randomToken } from '@/lib/crypto';
import { decryptMessage, encryptMessage } from '@/lib/messages/crypto';
import { parametersSchema, type Parameters } from './parameters';
import { diff, isProposalId, majorityFor, MAX_VOTING_DAYS, MIN_VOTING_DAYS, SPONSORS_NEEDED } from './votes';

export const REASON_MIN = 10;
export const REASON_MAX = 2000;
/** A members' proposal opens for this long once its third co-signature arrives. */
export const MEMBERS_VOTING_DAYS = 14;

export const proposalInput = z.strictObject({
  params: parametersSchema,
  reason: z.string().trim().min(REASON_MIN, 'reasonTooShort').max(REASON_MAX, 'tooLong'),
  days: z.coerce.number().int().min(MIN_VOTING_DAYS, 'votingDays').max(MAX_VOTING_DAYS, 'votingDays').default(MEMBERS_VOTING_DAYS),
});

type Actor = { id: string; role: string };

/** Field → code; a parameter's error is keyed by the parameter's name ('paramRange'). */
function proposalErrors(error: z.ZodError) {
  const out = fieldErrorsOf(error);
  delete out.params;
  for (const issue of error.issues) if (issue.path[0] === 'params') out[String(issue.path[1] ?? 'params')] ??= 'paramRange';
  return out;
}

const reasonBinding = (id: string) => ['proposal/v1', id, 'reason'].join('\0');

export function proposalReason(row: Pick<ProposalRow, 'id' | 'reasonKeyVersion' | 'reasonCiphertext'>): string | null {
  return decryptMessage({ id: reasonBinding(row.id), keyVersion: row.reasonKeyVersion, ciphertext: row.reasonCiphertext })?.body ?? null;
}

/**
 * A parameter change with its reason. A coordinator's opens at once for `days`; a member's waits
 * for co-signatures (hers is the first) and opens when the third arrives.
 */
export async function propose(actor: Actor, input: unknown): Promise<Outcome<{ id: string; opened: boolean }>> {
  if (actor.role !== 'coordinator' && actor.role !== 'seller') return { ok: false, formError: 'forbidden' };
  const parsed = proposalInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: proposalErrors(parsed.error) };
  const db = getDb();
  return db.transaction(async (tx) => {
    const current = await versionInForce(tx);
    const changes = diff(current.params, parsed.data.params);
    if (Object.keys(changes).length === 0) return { ok: false, formError: 'nothingChanged' };
    const id = randomUUID();
    const reason = encryptMessage(reasonBinding(id), { body: parsed.data.reason });
    const byCoordinator = actor.role === 'coordinator';
    await insertProposal({ id, changes, baseVersion: current.version, reason, byCoordinator }, tx);
    if (byCoordinator) {
      await open(id, changes, current.params, parsed.data.days, tx);
      return { ok: true, id, opened: true };
    }
    await addSponsor(id, actor.id, tx);
    return { ok: true, id, opened: false };
  });
}

/** A member co-signs a proposal still gathering support; the third signature opens the vote. */
export async function cosign(actor: Actor, proposalId: string): Promise<Outcome<{ opened: boolean }>> {
  if (actor.role !== 'seller' || !(await isMember(actor.id))) return { ok: false, formError: 'forbidden' };
  if (!isProposalId(proposalId)) return { ok: false, formError: 'notGathering' };
  return getDb().transaction(async (tx) => {
    const row = await lockGathering(proposalId, tx);
    if (!row) return { ok: false, formError: 'notGathering' };
    const count = await addSponsor(proposalId, actor.id, tx);
    if (count < SPONSORS_NEEDED) return { ok: true, opened: false };
    const current = await versionInForce(tx);
    await open(proposalId, row.changes as Partial<Parameters>, current.params, MEMBERS_VOTING_DAYS, tx);
    return { ok: true, opened: true };
  });
}

/** A coordinator opens a members' proposal that is still gathering support. */
export async function openByCoordinator(actor: Actor, proposalId: string, days: number): Promise<Outcome> {
  if (actor.role !== 'coordinator') return { ok: false, formError: 'forbidden' };
  if (!isProposalId(proposalId)) return { ok: false, formError: 'notGathering' };
  if (!Number.isInteger(days) || days < MIN_VOTING_DAYS || days > MAX_VOTING_DAYS) return { ok: false, fieldErrors: { days: 'votingDays' } };
  return getDb().transaction(async (tx) => {
    const row = await lockGathering(proposalId, tx);
    if (!row) return { ok: false, formError: 'notGathering' };
    await open(proposalId, row.changes as Partial<Parameters>, (await versionInForce(tx)).params, days, tx);
    return { ok: true };
  });
}

/** Quorum from the rules in force, majority by what changes, the roll and the salt: fixed now. */
async function open(id: string, changes: Partial<Parameters>, inForce: Parameters, days: number, tx: Executor) {
  await openVote(id, { days, quorumPercent: inForce.quorumPercent, majority: majorityFor(changes), salt: randomToken() }, tx);
}

export { proposalById };
