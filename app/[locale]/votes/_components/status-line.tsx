import { getFormatter, getTranslations } from 'next-intl/server';
import type { ProposalRow } from '@/db/queries/votes';
import { formatDate } from '@/lib/i18n/format';

/** A proposal's state in words: open until its last day, gathering co-signatures, or closed with its result. */
export async function StatusLine({ proposal: p, className }: { proposal: Pick<ProposalRow, 'status' | 'closesOn' | 'result'>; className: string }) {
  const [t, format] = await Promise.all([getTranslations('Votes'), getFormatter()]);
  return (
    <p className={className}>
      {p.status === 'open'
        ? t('statusOpen', { closes: formatDate(format, p.closesOn!) })
        : p.status === 'gathering'
          ? t('statusGathering')
          : t('statusClosed', { result: p.result ?? 'rejected' })}
    </p>
  );
}
