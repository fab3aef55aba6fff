import { useFormatter, useTranslations } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import type { MatchedReport } from '@/lib/reports/lookup';

// Severity in words and a symbol, never colour alone.
const LOOK = {
  dangerous: { box: 'border-red-800 bg-red-50', mark: '!!', markBox: 'bg-red-800 text-white' },
  risky: { box: 'border-amber-700 bg-amber-50', mark: '!', markBox: 'bg-amber-600 text-black' },
  annoying: { box: 'border-stone-500 bg-stone-50', mark: '·', markBox: 'bg-stone-600 text-white' },
} as const;

/** A report as sellers see it (lib/reports/lookup.ts; a type only, nothing of it reaches the browser). */
export type ShownReport = MatchedReport;

/** One report as sellers see it: severity, category, day, region; never who reported it. */
export function ReportSummary({ r }: { r: ShownReport }) {
  const t = useTranslations('Reports');
  const format = useFormatter();
  const look = LOOK[r.severity];
  return (
    <div className="flex gap-3">
      <span aria-hidden className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full font-bold ${look.markBox}`}>{look.mark}</span>
      <div className="min-w-0 space-y-1">
        <p className="font-semibold">
          {t(`severity.${r.severity}`)}: {t(`category.${r.category}`)}
        </p>
        <p className="text-sm text-stone-700">
          {formatDate(format, r.occurredOn)} · {r.region ?? t('noRegion')}
        </p>
        {r.description && <p className="whitespace-pre-wrap break-words">{r.description}</p>}
      </div>
    </div>
  );
}

/** The live reports a look-up matched, newest first. */
export function ReportMatches({ reports }: { reports: ShownReport[] }) {
  const t = useTranslations('Reports');
  if (reports.length === 0) return null;
  return (
    <section aria-label={t('matchesLabel')} className="space-y-2">
      <p className="font-semibold">{t('matches', { count: reports.length })}</p>
      <ul className="space-y-2">
        {reports.map((r) => (
          <li key={r.id} className={`rounded-md border-2 p-3 ${LOOK[r.severity].box}`} data-severity={r.severity}>
            <ReportSummary r={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
