import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { BOARD_MAX_PAGE } from '@/lib/reports/constants';

const LINK = 'inline-flex min-h-11 items-center underline underline-offset-4';

/** Newer and older pages of the board, with the page's number in words (none past BOARD_MAX_PAGE). */
export async function BoardPager({ page, hasOlder: more }: { page: number; hasOlder: boolean }) {
  const hasOlder = more && page < BOARD_MAX_PAGE;
  if (page === 1 && !hasOlder) return null;
  const t = await getTranslations('Reports');
  const href = (n: number) => (n === 1 ? '/seller/reports' : { pathname: '/seller/reports', query: { page: String(n) } });
  return (
    <nav aria-label={t('pagesLabel')} className="flex flex-wrap items-center gap-x-6">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={LINK}>
          ← {t('newer')}
        </Link>
      )}
      <span>{t('pageNumber', { page })}</span>
      {hasOlder && (
        <Link href={href(page + 1)} rel="next" className={LINK}>
          {t('older')} →
        </Link>
      )}
    </nav>
  );
}
