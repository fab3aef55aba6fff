import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listRegions } from '@/db/queries/report-regions';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { ConfirmSubmit } from '../../_components/confirm-submit';
import { deleteRegionAction } from './actions';
import { RegionForm } from './_components/region-form';
import { PageMessages } from '../../_components/page-messages';

/** The short list of regions reports name and sellers choose alerts by. */
export default async function RegionsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator/regions');
  const [t, regions] = await Promise.all([getTranslations('Regions'), listRegions()]);
  return (
    <PageMessages namespaces={['Errors', 'Regions']}>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('explain')}</p>
        {regions.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
            {regions.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-1">
                <span className="font-medium">{r.name}</span>
                <form action={deleteRegionAction}>
                  <input type="hidden" name="id" value={r.id} />
                  <ConfirmSubmit label={t('delete')} name={t('deleteName', { name: r.name })} consequence={t('deleteConsequence')} confirm={t('deleteConfirm')} cancelHint={t('deleteCancel')} />
                </form>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="add-region" className="space-y-3">
          <h2 id="add-region" className="text-xl font-semibold">{t('addTitle')}</h2>
          <RegionForm />
        </section>
      </div>
    </PageMessages>
  );
}
