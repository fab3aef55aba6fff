'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

export function LocaleSwitcher() {
  const t = useTranslations('Common');
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === 'de' ? 'en' : 'de';
  return (
    <Link href={pathname} locale={other} hrefLang={other} lang={other} className="inline-flex min-h-11 min-w-11 items-center underline underline-offset-4">
      {t('switchTo')}
    </Link>
  );
}
