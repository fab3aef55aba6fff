import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { supportContent } from '@/lib/support/content';
import { MarkdownView } from '@/lib/support/render';
import { MARKDOWN_CLASSES } from './_components/markdown-classes';
import { PrintButton } from './_components/print-button';
import { PrintStyles } from './_components/print-styles';

/**
 * Help and rights: emergency numbers, counselling, a know-your-rights card. Open to everyone,
 * signed in or not, whatever the role; printable as one A6 card.
 */
// Typed by hand: the generated route types do not know this page until the next build.
export default async function SupportPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const [t, format, content] = await Promise.all([getTranslations('Support'), getFormatter(), supportContent(locale)]);
  return (
    <article className="support-card space-y-4">
      <PrintStyles />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p data-noprint="">{t('intro')}</p>
      <PrintButton label={t('print')} />
      <MarkdownView source={content.markdown} className={MARKDOWN_CLASSES} />
      <p data-noprint="" className="border-t border-stone-200 pt-3 text-sm text-stone-700">
        {content.updatedOn ? t('updated', { date: formatDate(format, content.updatedOn) }) : t('template')}
      </p>
    </article>
  );
}
