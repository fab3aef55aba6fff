import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { LAYOUT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { routing } from '@/lib/i18n/routing';
import { GuidesNav } from './_components/guides-nav';
import { QuickExitScript } from './_components/quick-exit';
import { ServiceWorker } from './_components/service-worker';
import { SiteHeader } from './_components/site-header';
import '../globals.css';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale });
  return {
    title: t('Common.appName'),
    description: t('Metadata.description'),
    // Nothing here is for search engines.
    robots: { index: false, follow: false },
    // Installable from the home screen on iOS too (16.4+: the only place iPhones receive push).
    appleWebApp: { capable: true, title: t('Common.appName'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#5b21b6' };

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, messages] = await Promise.all([getTranslations('Common'), getMessages()]);

  return (
    <html lang={locale}>
      <head>
        <QuickExitScript locale={locale} />
      </head>
      <body className="min-h-dvh bg-stone-50 font-sans text-stone-900 antialiased">
        <NextIntlClientProvider messages={pickMessages(messages, LAYOUT_NAMESPACES)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
            {t('skipToContent')}
          </a>
          <ServiceWorker />
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-3xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto w-full max-w-3xl space-y-2 px-4 pb-8 text-sm text-stone-600">
            <GuidesNav />
            <p>{t('footer')}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
