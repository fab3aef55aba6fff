import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { listInvites } from '@/db/queries/invites';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { revokeInviteAction } from '../actions';
import { NewInvite } from '../_components/new-invite';
import { StatusIcon, type IconName } from '../_components/status-icon';
import { ConfirmSubmit } from '../../_components/confirm-submit';
import { PageMessages } from '../../_components/page-messages';

type Invite = Awaited<ReturnType<typeof listInvites>>[number];
type Status = 'open' | 'used' | 'expired' | 'revoked';

function status(invite: Invite): Status {
  if (invite.usedOn) return 'used';
  if (invite.revokedOn) return 'revoked';
  return invite.expired ? 'expired' : 'open';
}

const ICON: Record<Status, { name: IconName; className: string }> = {
  open: { name: 'open', className: 'text-violet-800' },
  used: { name: 'check', className: 'text-green-800' },
  expired: { name: 'clock', className: 'text-stone-600' },
  revoked: { name: 'cross', className: 'text-red-800' },
};

export default async function InvitesPage({ params }: PageProps<'/[locale]/coordinator/invites'>) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator/invites');
  const [invites, t, format] = await Promise.all([listInvites(), getTranslations('Invites'), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(d), { dateStyle: 'medium' });
  return (
    <PageMessages namespaces={['Errors', 'Invites']}>
      <section aria-labelledby="invites" className="space-y-3">
        <h1 id="invites" className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('explain')}</p>
        <NewInvite />
        {invites.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-200" aria-label={t('listLabel')}>
            {invites.map((invite) => {
              const s = status(invite);
              return (
                <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-medium break-words">{invite.label ?? <span className="font-normal text-stone-600">{t('noLabel')}</span>}</p>
                    <p className="text-sm">{t('line', { created: day(invite.createdOn), expires: day(invite.expiresOn) })}</p>
                    <p className="flex items-center gap-1">
                      <StatusIcon {...ICON[s]} />
                      <span>
                        {t('statusLabel')}: <strong>{t(`status.${s}`, { date: day(invite.usedOn ?? invite.revokedOn ?? invite.expiresOn) })}</strong>
                      </span>
                    </p>
                  </div>
                  {s === 'open' && (
                    <form action={revokeInviteAction}>
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <ConfirmSubmit label={t('revoke')} consequence={t('revokeConsequence')} confirm={t('revokeConfirm')} cancelHint={t('keepHint')} />
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </PageMessages>
  );
}
