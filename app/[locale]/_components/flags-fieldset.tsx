import { useTranslations } from 'next-intl';

/** Safe? Reliable? — each yes / no / skip. No free text, ever. */
export function FlagsFieldset({ idPrefix, error }: { idPrefix: string; error?: string }) {
  const t = useTranslations('Flags');
  return (
    <fieldset className="space-y-3" aria-describedby={error ? `${idPrefix}-flags-error` : undefined}>
      <legend className="font-medium">{t('legend')}</legend>
      {(['safe', 'reliable'] as const).map((flag) => (
        <div key={flag} role="radiogroup" aria-label={t(`${flag}.question`)} className="flex flex-wrap items-center gap-x-4">
          <span className="w-full text-sm font-medium sm:w-auto">{t(`${flag}.question`)}</span>
          {(['yes', 'no', 'skip'] as const).map((answer) => (
            <label key={answer} className="flex min-h-11 items-center gap-2 pr-2">
              <input type="radio" name={flag} value={answer} defaultChecked={answer === 'skip'} className="size-6" />
              {t(answer)}
            </label>
          ))}
        </div>
      ))}
      <p id={`${idPrefix}-flags-error`} aria-live="polite" className="text-sm text-red-800">
        {error}
      </p>
    </fieldset>
  );
}
