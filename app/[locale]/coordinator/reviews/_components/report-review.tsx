import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import type { ReviewItem } from '@/lib/reports/review';
import { ConfirmSubmit } from '../../../_components/confirm-submit';
import { ReportSummary } from '../../../seller/_components/report-matches';
import { decideReportAction } from '../report-actions';
import { ReportAnnotationForm } from './report-annotation-form';

const button = 'min-h-11 rounded-md border border-stone-500 bg-white px-4 py-2 font-medium hover:bg-stone-100';

/** One report someone marked "seems wrong" (or hidden): the report and the marks, never who made either. */
export async function ReportReview({ item }: { item: ReviewItem }) {
  const [t, format] = await Promise.all([getTranslations('ReportReviews'), getFormatter()]);
  const tr = await getTranslations('Reports');
  return (
    <article aria-labelledby={`report-${item.id}`} className="space-y-3 rounded-md border border-stone-200 bg-white p-4" data-report-state={item.state}>
      <h3 id={`report-${item.id}`} className="text-lg font-semibold">
        {t('itemTitle', { date: formatDate(format, item.createdOn) })} · {t(`state.${item.state}`)}
      </h3>
      {item.contested && <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 font-medium">{t('contested')}</p>}
      <ReportSummary r={item} />
      {item.identifiers.length > 0 && (
        <ul className="text-sm">
          {item.identifiers.map((i, n) => (
            <li key={`${n}:${i.kind}`}>
              {tr(`kind.${i.kind}`)}: <span className="font-mono break-all">{i.value}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="font-semibold">{t('marksTitle', { count: item.marks.length })}</h4>
      <ul className="space-y-1">
        {item.marks.map((m) => (
          <li key={m.id}>
            {formatDate(format, m.createdOn)}: {tr(`markReasons.${m.reason}`)}
            {m.note && <blockquote className="border-l-4 border-stone-300 pl-3 break-words">{m.note}</blockquote>}
          </li>
        ))}
      </ul>
      <ReportAnnotationForm reportId={item.id} current={item.annotation} />
      <div className="flex flex-wrap gap-3">
        <form action={decideReportAction}>
          <input type="hidden" name="reportId" value={item.id} />
          <input type="hidden" name="decision" value={item.state === 'hidden' ? 'show' : 'hide'} />
          <button type="submit" className={button}>{item.state === 'hidden' ? t('show') : t('hide')}</button>
        </form>
        {item.state !== 'hidden' && (
          <form action={decideReportAction}>
            <input type="hidden" name="reportId" value={item.id} />
            <input type="hidden" name="decision" value="show" />
            <button type="submit" className={button}>{t('keep')}</button>
          </form>
        )}
      </div>
      <form action={decideReportAction}>
        <input type="hidden" name="reportId" value={item.id} />
        <input type="hidden" name="decision" value="remove" />
        <ConfirmSubmit label={t('remove')} consequence={t('removeConsequence')} confirm={t('removeConfirm')} cancelHint={t('removeCancel')} />
      </form>
    </article>
  );
}
