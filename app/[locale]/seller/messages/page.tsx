import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { inbox } from '@/lib/messages/read';
import { MessageForm } from './_components/message-form';
import { parametersInForce } from '@/lib/governance/current';
import { PageMessages } from '../../_components/page-messages';

export default async function InboxPage({ params }: PageProps<'/[locale]/seller/messages'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/messages');
  const [t, conversations] = await Promise.all([getTranslations('Messages'), inbox(user.id)]);
  return (
    <PageMessages namespaces={['Errors', 'Messages']}>
      <div className="space-y-8">
        <section aria-labelledby="inbox" className="space-y-3">
          <h1 id="inbox" className="text-2xl font-bold">{t('inboxTitle')}</h1>
          <p className="text-sm text-stone-600">{t('privacy')}</p>
          {conversations.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className="divide-y divide-stone-200" aria-label={t('conversations')}>
              {conversations.map((c) => (
                <li key={c.with} className="py-2">
                  <Link href={`/seller/messages/${encodeURIComponent(c.with)}`} className="inline-flex min-h-11 items-center underline underline-offset-4">
                    {t('conversationWith', { pseudonym: c.with })}
                  </Link>{' '}
                  <span className="text-sm">{t('count', { count: c.messages.length })}</span>
                  {c.unread > 0 && <strong className="ml-2">{t('unread', { count: c.unread })}</strong>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-message" className="space-y-3">
          <h2 id="new-message" className="text-xl font-semibold">{t('newTitle')}</h2>
          <MessageForm kind="direct" defaultDays={(await parametersInForce()).params.messageExpiryDays} />
        </section>
      </div>
    </PageMessages>
  );
}
