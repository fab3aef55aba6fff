'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Outcome } from '@/lib/accounts/errors';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { castVote, tallyClosedVotes } from '@/lib/governance/ballots';
import { PARAMETER_NAMES } from '@/lib/governance/parameters';
import { isProposalId } from '@/lib/governance/votes';
import { cosign, openByCoordinator, propose, REASON_MAX } from '@/lib/governance/proposals';
import { notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { redirect } from '@/lib/i18n/navigation';

const PAGES = '/[locale]/votes';

/** A governance refusal in words (Votes.errors), unknown codes as "not valid". */
async function refusal(outcome: Extract<Outcome, { ok: false }>, values?: Record<string, string>): Promise<FormState> {
  const t = await getTranslations('Votes.errors');
  const say = (code: string) => (t.has(code as never) ? t(code as never) : t('invalid'));
  const fieldErrors = Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([f, c]) => [f, say(c)]));
  return { status: 'error', fieldErrors, formError: outcome.formError ? say(outcome.formError) : Object.keys(fieldErrors).length > 0 ? t('fixFields') : undefined, values };
}

export async function proposeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller', 'coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const params = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, formText(form, name, 32)]));
  const reason = formText(form, 'reason', REASON_MAX + 100);
  const days = formText(form, 'days', 8) || undefined;
  const outcome = await propose(auth.user, { params, reason, days });
  if (!outcome.ok) return refusal(outcome, { ...params, reason, days: days ?? '' });
  revalidatePath(PAGES, 'layout');
  const locale = formText(form, 'locale', 8) === 'en' ? 'en' : 'de';
  redirect({ href: `/votes/${outcome.id}`, locale });
  return { status: 'ok' };
}

export async function voteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await castVote(auth.user, formText(form, 'id', 64), formText(form, 'choice', 16));
  if (!outcome.ok) return refusal(outcome);
  revalidatePath(PAGES, 'layout');
  return { status: 'ok' };
}

export async function cosignAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await cosign(auth.user, formText(form, 'id', 64));
  if (!outcome.ok) return refusal(outcome);
  revalidatePath(PAGES, 'layout');
  return { status: 'ok' };
}

export async function openAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await openByCoordinator(auth.user, formText(form, 'id', 64), Number(formText(form, 'days', 8)));
  if (!outcome.ok) return refusal(outcome, { days: formText(form, 'days', 8) });
  revalidatePath(PAGES, 'layout');
  return { status: 'ok' };
}

/** A coordinator counts a vote whose last day has passed now, instead of waiting for the timer. */
export async function countAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const id = formText(form, 'id', 64);
  const counted = isProposalId(id) ? await tallyClosedVotes([id]) : 0;
  if (counted === 0) return refusal({ ok: false, formError: 'notDue' });
  revalidatePath(PAGES, 'layout');
  return { status: 'ok' };
}
