import { getFormatter, getTranslations } from 'next-intl/server';
import { PARAMETER_NAMES, type Parameters } from '@/lib/governance/parameters';
import { paramText } from './param-text';

/** What a proposal changes: each parameter from → to, in words. */
export async function ChangesList({ changes, from }: { changes: Partial<Parameters>; from?: Parameters }) {
  const [t, format] = await Promise.all([getTranslations('Governance'), getFormatter()]);
  const names = PARAMETER_NAMES.filter((n) => n in changes);
  return (
    <ul className="list-disc space-y-1 pl-5">
      {names.map((name) => (
        <li key={name}>
          <span className="font-medium">{t(`param.${name}`)}</span>:{' '}
          {from ? t('fromTo', { from: paramText(t, format, name, from[name]), to: paramText(t, format, name, changes[name]) }) : paramText(t, format, name, changes[name])}
        </li>
      ))}
    </ul>
  );
}
