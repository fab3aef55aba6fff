import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { hasSponsored, sponsorsOf } from '@/db/queries/votes';
import { versionRow } from '@/db/queries/parameters';
import { requireUser } from '@/lib/auth/guards';
import { myChoice } from '@/lib/governance/ballots';
import { proposalImpact } from '@/lib/governance/preview';
import { proposalById, proposalReason } from '@/lib/governance/proposals';
import { isProposalId, MAX_VOTING_DAYS, MIN_VOTING_DAYS, SPONSORS_NEEDED } from '@/lib/governance/votes';
import { onRoll } from '@/db/queries/votes';
import type { Locale } from '@/lib/i18n/routing';
import { countAction, cosignAction, openAction, voteAction } from '../actions';
import { ActionForm } from '../_components/action-form';
import { ChangesList } from '../_components/changes-list';
import { ImpactTable } from '../_components/impact-table';
import { StatusLine } from '../_components/status-line';
import { PageMessages } from '../../_components/page-messages';

const CHOICES = ['yes', 'no', 'abstain'] as const;

/** One proposal: what it changes and why, its impact on today's data, and what the reader can do now. */
export default async function ProposalPage({ params }: PageProps<'/[locale]/votes/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUser(`/${locale}/votes/${id}`, ['seller', 'coordinator']);
  if (!isProposalId(id)) notFound();
  const p = await proposalById(id);
  if (!p) notFound();
  const [t, base] = await Promise.all([getTranslations('Votes'), versionRow(p.baseVersion)]);
  const seller = user.role === 'seller';
  const today = new Date().toISOString().slice(0, 10);
  const impact = p.status === 'closed' ? null : await proposalImpact(p.id, p.changes);
  const mine = seller && p.status === 'open' ? await myChoice(user, p.id) : null;
  const voter = seller && p.status === 'open' && (await onRoll(p.id, user.id));
  const sponsors = p.status === 'gathering' ? (await sponsorsOf(p.id)).count : 0;
  const signed = seller && p.status === 'gathering' && (await hasSponsored(p.id, user.id));
  const turnout = (p.yes ?? 0) + (p.no ?? 0) + (p.abstain ?? 0);
  // Its last day is over; the timer (or a coordinator) counts it.
  const ended = p.status === 'open' && p.closesOn! < today;

  return (
    <PageMessages namespaces={['Errors']}>
      <article className="space-y-5">
        <h1 className="text-2xl font-bold">{t('proposalTitle')}</h1>
        <StatusLine proposal={p} className="text-lg font-semibold" />

        {p.status === 'closed' && (
          <section aria-labelledby="result" className="space-y-1">
            <h2 id="result" className="text-lg font-semibold">{t('resultTitle')}</h2>
            <p>{t('tally', { yes: p.yes ?? 0, no: p.no ?? 0, abstain: p.abstain ?? 0 })}</p>
            <p>{t('turnout', { turnout, roll: p.rollSize ?? 0 })}</p>
            {p.version !== null && <p>{t('becomes', { version: p.version })}</p>}
          </section>
        )}

        <section aria-labelledby="changes" className="space-y-2">
          <h2 id="changes" className="text-lg font-semibold">{t('changesTitle')}</h2>
          <ChangesList changes={p.changes} from={base?.params} />
          <h3 className="font-semibold">{t('reason')}</h3>
          <blockquote className="border-l-4 border-stone-300 pl-3 whitespace-pre-line">{proposalReason(p) ?? t('reasonUnreadable')}</blockquote>
          {p.quorumPercent !== null && <p className="text-sm">{t('rules', { quorum: p.quorumPercent, majority: p.majority ?? 'simple', roll: p.rollSize ?? 0 })}</p>}
        </section>

        {ended && <p className="font-medium">{t('ended')}</p>}
        {p.status === 'open' && !ended && seller && (
          voter ? (
            <section aria-labelledby="vote" className="space-y-2">
              <h2 id="vote" className="text-lg font-semibold">{t('voteTitle')}</h2>
              <p>{mine ? t('yourVote', { choice: mine }) : t('notVoted')}</p>
              <ActionForm action={voteAction} id={p.id} submit={mine ? t('changeVote') : t('castVote')} pending={t('pending')} done={t('voted')}>
                <fieldset className="space-y-1">
                  <legend className="font-medium">{t('choiceLegend')}</legend>
                  {CHOICES.map((c) => (
                    <label key={c} className="flex min-h-11 items-center gap-3">
                      <input type="radio" name="choice" value={c} defaultChecked={mine === c} className="size-5" />
                      {t('choice', { choice: c })}
                    </label>
                  ))}
                </fieldset>
              </ActionForm>
              <p className="text-sm text-stone-600">{t('secret')}</p>
            </section>
          ) : (
            <p>{t('notOnRoll')}</p>
          )
        )}
        {p.status === 'open' && <p className="text-sm text-stone-600">{t('hidden')}</p>}
        {ended && user.role === 'coordinator' && (
          <ActionForm action={countAction} id={p.id} submit={t('countNow')} pending={t('pending')} done={t('counted')} />
        )}

        {p.status === 'gathering' && (
          <section aria-labelledby="support" className="space-y-2">
            <h2 id="support" className="text-lg font-semibold">{t('supportTitle')}</h2>
            <p>{t('sponsors', { count: sponsors, needed: SPONSORS_NEEDED })}</p>
            {seller && !signed && <ActionForm action={cosignAction} id={p.id} submit={t('cosign')} pending={t('pending')} done={t('cosigned')} />}
            {signed && <p>{t('youSigned')}</p>}
            {user.role === 'coordinator' && (
              <ActionForm action={openAction} id={p.id} submit={t('openNow')} pending={t('pending')} done={t('opened')}>
                <label htmlFor="days" className="block font-medium">{t('days')}</label>
                <input id="days" name="days" type="number" inputMode="numeric" min={MIN_VOTING_DAYS} max={MAX_VOTING_DAYS} defaultValue={14} className="min-h-11 w-32 rounded-md border border-stone-400 bg-white px-3 py-2" />
              </ActionForm>
            )}
          </section>
        )}

        {impact && <ImpactTable impact={impact} />}
      </article>
    </PageMessages>
  );
}
