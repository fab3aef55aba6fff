import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { formatDate } from '@/lib/i18n/format';
import { routing, type Locale } from '@/lib/i18n/routing';
import { supportContent } from '@/lib/support/content';
import { SUPPORT_DEFAULTS } from '@/lib/support/defaults';
import { Link } from '@/lib/i18n/navigation';
import { SupportLanguage } from './_components/support-language';
import { PageMessages } from '../../_components/page-messages';

/** Coordinators edit the support page, in each language, in Markdown. */
// Typed by hand: the generated route types do not know this page until the next build.
export default async function SupportEditPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator/support');
  const [t, format, contents] = await Promise.all([
    getTranslations('SupportEdit'),
    getFormatter(),
    Promise.all(routing.locales.map(async (locale) => [locale, await supportContent(locale)] as const)),
  ]);
  return (
    <PageMessages namespaces={['Errors', 'SupportEdit']}>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
        <p>
          <Link href="/support" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('view')}</Link>
        </p>
        <details className="rounded-md border border-stone-300 bg-white p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium">{t('syntaxTitle')}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {(['headings', 'lists', 'emphasis', 'links', 'escaped'] as const).map((k) => (
              <li key={k}>{t(`syntax.${k}`)}</li>
            ))}
          </ul>
        </details>
        {contents.map(([locale, content]) => (
          <section key={locale} aria-labelledby={`lang-${locale}`} className="space-y-3 border-t border-stone-200 pt-4">
            <h2 id={`lang-${locale}`} className="text-xl font-semibold">{t(`language.${locale}`)}</h2>
            <p className="text-sm text-stone-700">
              {content.updatedOn ? t('updated', { date: formatDate(format, content.updatedOn) }) : t('template')}
            </p>
            <SupportLanguage locale={locale} current={content.markdown} template={SUPPORT_DEFAULTS[locale]} customised={content.updatedOn !== null} />
          </section>
        ))}
      </div>
    </PageMessages>
  );
}
