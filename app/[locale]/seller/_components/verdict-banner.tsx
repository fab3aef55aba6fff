import { useFormatter, useTranslations } from 'next-intl';
import type { Verdict } from '@/lib/screening/verdict';
import { formatDate } from '@/lib/i18n/format';

// Colour, a symbol and words: never colour alone.
const LOOK = {
  warnings: { box: 'border-red-800 bg-red-50 text-red-950', mark: '!', markBox: 'bg-red-800 text-white' },
  caution: { box: 'border-amber-700 bg-amber-50 text-amber-950', mark: '?', markBox: 'bg-amber-600 text-black' },
  clear: { box: 'border-green-800 bg-green-50 text-green-950', mark: '✓', markBox: 'bg-green-800 text-white' },
  new: { box: 'border-stone-600 bg-stone-50 text-stone-950', mark: '•', markBox: 'bg-stone-600 text-white' },
} as const;

/** The look-up's answer first, in plain words, as a seller deciding in a hurry reads it. */
export function VerdictBanner({ v }: { v: Verdict }) {
  const t = useTranslations('Lookup.verdict');
  const format = useFormatter();
  const look = LOOK[v.state];
  const lines: string[] = [];
  if (v.state === 'warnings') {
    if (v.unsafeSellers > 0 || v.latestUnsafeOn) {
      const date = v.latestUnsafeOn ? formatDate(format, v.latestUnsafeOn) : '—';
      lines.push(t('warnings.flags', { unsafeSellers: v.unsafeSellers, sellers: v.sellers, date }));
    }
    if (v.boardWarnings > 0) lines.push(t('warnings.board', { count: v.boardWarnings }));
    if (v.reports?.serious) lines.push(t('warnings.reports', { count: v.reports.serious }));
  } else if (v.state === 'caution') {
    if (v.unreliableSellers > 0 || !v.reports) lines.push(t('caution.body', { unreliableSellers: v.unreliableSellers, sellers: v.sellers }));
    if (v.reports?.minor) lines.push(t('caution.reports', { count: v.reports.minor }));
  } else if (v.state === 'clear') {
    lines.push(t('clear.body', { ratings: v.ratings, sellers: v.sellers }));
  } else {
    lines.push(t('new.body'));
  }
  return (
    <div role="status" aria-labelledby="verdict-title" className={`flex gap-3 rounded-md border-2 p-3 ${look.box}`} data-verdict={v.state}>
      <span aria-hidden className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-xl font-bold ${look.markBox}`}>
        {look.mark}
      </span>
      <div className="space-y-1">
        <p id="verdict-title" className="text-xl font-bold">{t(`${v.state}.title`)}</p>
        {lines.map((line) => (
          <p key={line} className="font-medium">{line}</p>
        ))}
      </div>
    </div>
  );
}
