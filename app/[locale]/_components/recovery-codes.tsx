import { useTranslations } from 'next-intl';

/** Shown once, right after they are made; nothing keeps them but the person. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('RecoveryCodes');
  return (
    <section aria-labelledby="recovery-title" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="recovery-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p>{t('explain', { count: codes.length })}</p>
      <ol aria-label={t('listLabel')} className="grid grid-cols-1 gap-1 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p className="text-sm">{t('once')}</p>
    </section>
  );
}
