import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Installing the app on a phone, push, and what push cannot promise. */
export async function InstallGuide() {
  const t = await getTranslations('InstallGuide');
  return (
    <section aria-labelledby="install" className="mt-5 space-y-1">
      <h2 id="install" className="text-lg font-semibold">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t('android')}</li>
        <li>{t('ios')}</li>
      </ul>
      <p>
        <Link href="/notifications" className="underline underline-offset-4">{t('push')}</Link>
      </p>
      <p className="font-semibold">{t('limits')}</p>
      <p>{t('offline')}</p>
    </section>
  );
}
