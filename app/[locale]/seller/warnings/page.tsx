import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { openBoard } from '@/lib/messages/new-warnings';
import { MessageForm } from '../messages/_components/message-form';
import { MessageList } from '../messages/_components/message-list';
import { parametersInForce } from '@/lib/governance/current';
import { PageMessages } from '../../_components/page-messages';

export default async function WarningsPage({ params, searchParams }: PageProps<'/[locale]/seller/warnings'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/warnings');
  const query = await searchParams;
  const buyer = typeof query.buyer === 'string' && query.buyer ? query.buyer.slice(0, 64) : undefined;
  const [t, warnings] = await Promise.all([getTranslations('Messages'), openBoard(user.id, buyer)]);
  return (
    <PageMessages namespaces={['Errors', 'Messages']}>
      <div className="space-y-8">
        <section aria-labelledby="board" className="space-y-3">
          <h1 id="board" className="text-2xl font-bold">{buyer ? t('boardAbout', { buyer }) : t('boardTitle')}</h1>
          <p>{t('boardExplain')}</p>
          {buyer && <Link href="/seller/warnings" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('allWarnings')}</Link>}
          {warnings.length === 0 ? <p>{t('noWarnings')}</p> : <MessageList messages={warnings} label={t('boardTitle')} board />}
        </section>
        <section aria-labelledby="post" className="space-y-3">
          <h2 id="post" className="text-xl font-semibold">{t('postTitle')}</h2>
          <MessageForm kind="warning" buyer={buyer} defaultDays={(await parametersInForce()).params.messageExpiryDays} />
        </section>
      </div>
    </PageMessages>
  );
}
