import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { conversation } from '@/lib/messages/read';
import { MessageForm } from '../_components/message-form';
import { MessageList } from '../_components/message-list';
import { parametersInForce } from '@/lib/governance/current';
import { PageMessages } from '../../../_components/page-messages';

export default async function ConversationPage({ params }: PageProps<'/[locale]/seller/messages/[pseudonym]'>) {
  const { locale, pseudonym } = await params;
  setRequestLocale(locale as Locale);
  const name = decodeURIComponent(pseudonym);
  const user = await requireRole('seller', `/seller/messages/${encodeURIComponent(name)}`);
  const c = await conversation(user.id, name);
  if (!c) notFound();
  const t = await getTranslations('Messages');
  return (
    <PageMessages namespaces={['Errors', 'Messages']}>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('conversationWith', { pseudonym: c.with })}</h1>
        {c.messages.length === 0 ? <p>{t('noneYet')}</p> : <MessageList messages={c.messages} label={t('conversationWith', { pseudonym: c.with })} />}
        <section aria-labelledby="reply" className="space-y-3">
          <h2 id="reply" className="text-xl font-semibold">{t('reply')}</h2>
          <MessageForm kind="direct" to={c.with} defaultDays={(await parametersInForce()).params.messageExpiryDays} />
        </section>
        <Link href="/seller/messages" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('back')}</Link>
      </div>
    </PageMessages>
  );
}
