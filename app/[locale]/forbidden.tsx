import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export default function Forbidden() {
  const t = useTranslations('Forbidden');
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('body')}</p>
      <Link href="/home" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('home')}</Link>
    </section>
  );
}
