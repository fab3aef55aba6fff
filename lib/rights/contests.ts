import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  buyerCountsOf,
  closeContest,
  contestsOf,
  findContest,
  flagsAbout,
  hasOpenContest,
  insertContest,
  listContests,
  setAnnotation,
} from '@/db/queries/contests';
import { removeFlag } from '@/db/queries/flag-removal';
import { fieldErrorsOf, type Outcome } from '@/lib/accounts/errors';
import { openContestText, sealContestText } from './contest-crypto';
import { ANNOTATION_MAX, CONTEST_NOTE_MAX, CONTEST_REASONS } from './limits';

export { hasOpenContest };

const contestSchema = z.object({
  reason: z.enum(CONTEST_REASONS, { message: 'contestReason' }),
  // Refused, never cut: the form counts live.
  note: z.string().trim().max(CONTEST_NOTE_MAX, 'contestNoteTooLong').optional().default(''),
});

/** A buyer's "a flag about me is wrong": one open review at a time. */
export async function contestFlag(buyerId: string, input: unknown): Promise<Outcome> {
  const parsed = contestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const id = randomUUID();
  const note = parsed.data.note ? sealContestText(id, buyerId, 'note', parsed.data.note) : null;
  const stored = await insertContest({ id, buyerId, reason: parsed.data.reason, noteKeyVersion: note?.keyVersion ?? null, noteCiphertext: note?.ciphertext ?? null });
  return stored ? { ok: true } : { ok: false, formError: 'contestOpen' };
}

type ContestRow = Awaited<ReturnType<typeof listContests>>[number];

function shown(row: ContestRow) {
  return {
    id: row.id,
    buyerId: row.buyerId,
    buyer: row.buyer,
    reason: row.reason,
    note: openContestText(row.id, row.buyerId, 'note', row.noteKeyVersion, row.noteCiphertext),
    annotation: openContestText(row.id, row.buyerId, 'annotation', row.annotationKeyVersion, row.annotationCiphertext),
    createdOn: row.createdOn,
    closedOn: row.closedOn,
  };
}

export type ShownContest = ReturnType<typeof shown>;

/** The coordinators' queue (callers check the role). */
export async function reviewQueue(): Promise<ShownContest[]> {
  return (await listContests()).map(shown);
}

/** One review: the contest, the buyer's counts and her flags (which and when, never who). */
export async function reviewOf(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await findContest(id);
  if (!row) return null;
  const [counts, flags] = await Promise.all([buyerCountsOf(row.buyerId), flagsAbout(row.buyerId)]);
  const listed = flags.flatMap((f) => [
    ...(f.safe === false ? [{ ratingId: f.ratingId, flag: 'safe' as const, createdOn: f.createdOn }] : []),
    ...(f.reliable === false ? [{ ratingId: f.ratingId, flag: 'reliable' as const, createdOn: f.createdOn }] : []),
  ]);
  return { contest: shown(row), counts, flags: listed };
}

/** A buyer's own contests (her export and her page). */
export async function ownContests(buyerId: string): Promise<ShownContest[]> {
  return (await contestsOf(buyerId)).map(shown);
}

const annotationSchema = z.object({ id: z.uuid(), text: z.string().trim().min(1, 'annotationRequired').max(ANNOTATION_MAX, 'annotationTooLong') });

export async function annotateReview(input: unknown): Promise<Outcome> {
  const parsed = annotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const row = await findContest(parsed.data.id);
  if (!row) return { ok: false, formError: 'reviewGone' };
  await setAnnotation(row.id, sealContestText(row.id, row.buyerId, 'annotation', parsed.data.text));
  return { ok: true };
}

const removalSchema = z.object({ id: z.uuid(), ratingId: z.uuid(), flag: z.enum(['safe', 'reliable']) });

/** On a cooperative decision: the flag goes, the counters follow, the public changelog says so. */
export async function removeFlagAfterReview(input: unknown): Promise<Outcome> {
  const parsed = removalSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: 'invalid' };
  const row = await findContest(parsed.data.id);
  if (!row) return { ok: false, formError: 'reviewGone' };
  const removed = await removeFlag(row.buyerId, parsed.data.ratingId, parsed.data.flag);
  return removed ? { ok: true } : { ok: false, formError: 'flagGone' };
}

export async function closeReview(input: unknown): Promise<Outcome> {
  const parsed = z.object({ id: z.uuid() }).safeParse(input);
  if (!parsed.success) return { ok: false, formError: 'invalid' };
  return (await closeContest(parsed.data.id)) ? { ok: true } : { ok: false, formError: 'reviewGone' };
}
