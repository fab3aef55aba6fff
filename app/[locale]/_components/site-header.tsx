import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { LocaleSwitcher } from './locale-switcher';

export async function SiteHeader() {
  const t = await getTranslations('Common');
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold text-violet-900">
          {t('appName')}
        </Link>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
