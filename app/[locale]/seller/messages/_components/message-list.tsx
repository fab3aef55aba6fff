import { getFormatter, getTranslations } from 'next-intl/server';
import type { ShownMessage } from '@/lib/messages/read';
import { Link } from '@/lib/i18n/navigation';
import { deleteMessageAction } from '../actions';
import { formatDate } from '@/lib/i18n/format';
import { ConfirmSubmit } from '../../../_components/confirm-submit';

/** Messages as shown to a seller: decrypted, or plainly marked unreadable; her own deletable. Board warnings carry their category, "other". */
export async function MessageList({ messages, label, board = false }: { messages: ShownMessage[]; label: string; board?: boolean }) {
  const [t, format] = await Promise.all([getTranslations('Messages'), getFormatter()]);
  const day = (d: string) => formatDate(format, d);
  return (
    <ul className="space-y-3" aria-label={label}>
      {messages.map((m) => (
        <li key={m.id} className={`space-y-1 rounded-md border p-3 ${m.mine ? 'border-violet-300 bg-violet-50' : 'border-stone-300 bg-white'}`}>
          <p className="text-sm text-stone-600">
            {m.mine ? t('fromMe') : t('from', { pseudonym: m.from })} · {day(m.createdOn)} · {t('expiresOn', { date: day(m.expiresAt) })}
          </p>
          {m.buyer && (
            <p className="text-sm">
              {t('about')}{' '}
              <Link href={{ pathname: '/seller', query: { buyer: m.buyer } }} className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">
                {t('lookUp', { buyer: m.buyer })}
              </Link>
            </p>
          )}
          {board && <p className="text-sm font-medium">{t('freeTextCategory')}</p>}
          <p className="whitespace-pre-wrap break-words">{m.body ?? <em>{t('unreadable')}</em>}</p>
          {m.mine && (
            <form action={deleteMessageAction}>
              <input type="hidden" name="messageId" value={m.id} />
              <ConfirmSubmit label={t('delete')} consequence={t('deleteConsequence')} confirm={t('deleteConfirm')} cancelHint={t('deleteCancel')} />
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
