import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { reportReviewQueue } from '@/lib/reports/review';
import { reviewOf, reviewQueue } from '@/lib/rights/contests';
import { ReportReview } from './_components/report-review';
import { ReviewItem } from './_components/review-item';
import { PageMessages } from '../../_components/page-messages';

/** Contested flags: open reviews first. Raters are never shown, only the flags and their dates. */
// Typed by hand: the generated route types do not know this page until the next build.
export default async function ReviewsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator/reviews');
  const [t, tr, queue, reports] = await Promise.all([getTranslations('Reviews'), getTranslations('ReportReviews'), reviewQueue(), reportReviewQueue()]);
  const reviews = (await Promise.all(queue.map((c) => reviewOf(c.id)))).filter((r) => r !== null);
  const open = reviews.filter((r) => r.contest.closedOn === null).length;
  return (
    <PageMessages namespaces={['Errors', 'ReportReviews', 'Reviews']}>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="font-medium">{t('summary', { open })}</p>
        <p>{t('explain')}</p>
        {reviews.map((r) => (
          <ReviewItem key={r.contest.id} review={r} />
        ))}
        <section aria-labelledby="report-reviews" className="space-y-3">
          <h2 id="report-reviews" className="text-xl font-semibold">{tr('title')}</h2>
          <p>{tr('explain')}</p>
          {reports.length === 0 ? <p>{tr('none')}</p> : reports.map((item) => <ReportReview key={item.id} item={item} />)}
          <p>
            <Link href="/coordinator/regions" className="inline-flex min-h-11 items-center underline underline-offset-4">{tr('regionsLink')}</Link>
          </p>
        </section>
      </div>
    </PageMessages>
  );
}
