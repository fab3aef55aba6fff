import type { getFormatter, getTranslations } from 'next-intl/server';
import type { ParameterName } from '@/lib/governance/parameters';

type T = Awaited<ReturnType<typeof getTranslations<'Governance'>>>;
type F = Awaited<ReturnType<typeof getFormatter>>;

const DAYS: readonly ParameterName[] = ['messageExpiryDays', 'reportExpiryDangerousDays', 'reportExpiryRiskyDays', 'reportExpiryAnnoyingDays', 'retentionDays'];

/** A parameter's value in words ("30 days", "95 %", "only each rater's latest rating counts"). */
export function paramText(t: T, format: F, name: ParameterName, value: unknown): string {
  if (name === 'repeatedRatings') return t(value === 'latest_per_rater' ? 'value.latest_per_rater' : 'value.every');
  if (name === 'intervalLevel' || name === 'quorumPercent') return t('value.percent', { n: Number(value) });
  if (DAYS.includes(name)) return t('value.days', { n: Number(value) });
  return format.number(Number(value), { maximumFractionDigits: 2 });
}
