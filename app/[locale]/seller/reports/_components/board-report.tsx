import { useTranslations } from 'next-intl';
import type { BoardReport } from '@/lib/reports/board';
import { ReportSummary } from '../../_components/report-matches';

/** A report as the board shows it: what happened, and what it names; never who made it. */
export function BoardReportDetails({ r }: { r: BoardReport }) {
  const t = useTranslations('Reports');
  return (
    <>
      <ReportSummary r={r} />
      {!r.readable && <p className="text-sm italic">{t('unreadable')}</p>}
      {r.identifiers.length > 0 && (
        <ul className="text-sm" aria-label={t('identifiers')}>
          {r.identifiers.map((i) => (
            <li key={`${i.kind}:${i.value}`}>
              {t(`kind.${i.kind}`)}: <span className="font-mono break-all">{i.value}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
