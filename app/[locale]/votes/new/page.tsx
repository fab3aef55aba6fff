import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guards';
import { parametersInForce } from '@/lib/governance/current';
import { INTERVAL_LEVELS, MESSAGE_EXPIRY_CHOICES, PARAMETER_NAMES, RANGES, REPEATED_RULES, type ParameterName, type RangedName } from '@/lib/governance/parameters';
import { MEMBERS_VOTING_DAYS, REASON_MAX } from '@/lib/governance/proposals';
import { MAX_VOTING_DAYS, MIN_VOTING_DAYS, SPONSORS_NEEDED } from '@/lib/governance/votes';
import type { Locale } from '@/lib/i18n/routing';
import { paramText } from '../_components/param-text';
import { ProposeForm, type ParamField } from '../_components/propose-form';
import { PageMessages } from '../../_components/page-messages';

export default async function NewProposalPage({ params }: PageProps<'/[locale]/votes/new'>) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUser(`/${locale}/votes/new`, ['seller', 'coordinator']);
  const [t, g, format, inForce] = await Promise.all([getTranslations('Votes'), getTranslations('Governance'), getFormatter(), parametersInForce()]);
  const choices: Partial<Record<ParameterName, readonly (string | number)[]>> = { intervalLevel: INTERVAL_LEVELS, repeatedRatings: REPEATED_RULES, messageExpiryDays: MESSAGE_EXPIRY_CHOICES };
  const fields: ParamField[] = PARAMETER_NAMES.map((name) => {
    const options = choices[name];
    const base = { name, label: g(`param.${name}`), value: String(inForce.params[name]) };
    if (options) return { ...base, hint: g(`hint.${name}`), options: options.map((o) => ({ value: String(o), label: paramText(g, format, name, o) })) };
    const range = RANGES[name as RangedName];
    return { ...base, hint: `${g(`hint.${name}`)} ${g('range', { min: format.number(range.min), max: format.number(range.max) })}`, range };
  });
  const coordinator = user.role === 'coordinator';
  return (
    <PageMessages namespaces={['Errors', 'Votes']}>
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
        <p>{coordinator ? t('newIntroCoordinator') : t('newIntroMember', { n: SPONSORS_NEEDED, days: MEMBERS_VOTING_DAYS })}</p>
        <ProposeForm fields={fields} reasonMax={REASON_MAX} locale={locale} days={coordinator ? { min: MIN_VOTING_DAYS, max: MAX_VOTING_DAYS, value: MEMBERS_VOTING_DAYS } : null} />
      </section>
    </PageMessages>
  );
}
