import { getFormatter, getTranslations } from 'next-intl/server';
import type { ChainEntry } from '@/lib/governance/chain';
import { PARAMETER_NAMES, type Parameters } from '@/lib/governance/parameters';
import { formatDate, formatMonth } from '@/lib/i18n/format';
import { ChangesList } from '../../votes/_components/changes-list';

type Body = Record<string, unknown>;
const num = (x: unknown) => (typeof x === 'number' ? x : 0);

/** One public entry: what happened, in words; its place and fingerprint in the chain below. */
export async function ChangelogEntry({ entry }: { entry: ChainEntry }) {
  const [t, format] = await Promise.all([getTranslations('Changelog'), getFormatter()]);
  const b = (entry.body ?? {}) as Body;
  const euro = (cents: unknown) => format.number(num(cents) / 100, { style: 'currency', currency: 'EUR' });
  return (
    <li className="space-y-2 rounded-md border border-stone-300 p-3">
      <p className="text-sm text-stone-600">{formatDate(format, entry.changedOn)} · {t('entryNo', { seq: entry.seq })}</p>
      {entry.entry === 'flag_removed' && <p>{t('flagRemoved')}</p>}
      {entry.entry === 'report_removed' && <p>{t('reportRemoved')}</p>}
      {entry.entry === 'release' && <p>{t('release', { version: String(b.version ?? '') })}</p>}
      {entry.entry === 'financial_report' && (
        <>
          <p className="font-medium">{t('financialReport', { month: formatMonth(format, String(b.month ?? '1970-01')) })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4">
            <dt>{t('dues')}</dt>
            <dd>{euro(b.duesCents)}</dd>
            <dt>{t('costs')}</dt>
            <dd>{euro(b.costsCents)}</dd>
            <dt>{t('balance')}</dt>
            <dd>{euro(num(b.duesCents) - num(b.costsCents))}</dd>
          </dl>
        </>
      )}
      {entry.entry === 'parameter_version' && (
        <>
          <p className="font-medium">{t('parameterVersion', { version: num(b.version) })}</p>
          <ChangesList changes={pick(b.params)} />
        </>
      )}
      {entry.entry === 'proposal_closed' && (
        <>
          <p className="font-medium">{t('proposalClosed', { result: String(b.result ?? 'rejected') })}</p>
          <ChangesList changes={pick(b.changes)} />
          {typeof b.reason === 'string' && <blockquote className="border-l-4 border-stone-300 pl-3 whitespace-pre-line">{b.reason}</blockquote>}
          <p>{t('tally', { yes: num(b.yes), no: num(b.no), abstain: num(b.abstain) })}</p>
          <p>{t('turnout', { turnout: num(b.turnout), roll: num(b.roll) })}</p>
          <p className="text-sm">{t('rules', { quorum: num(b.quorumPercent), majority: String(b.majority ?? 'simple') })}</p>
        </>
      )}
      <p className="text-xs break-all text-stone-600">
        {t('fingerprint')}: <code>{entry.hash}</code>
      </p>
    </li>
  );
}

/** Only known parameter names from a stored body (never render arbitrary keys). */
function pick(value: unknown): Partial<Parameters> {
  const v = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(PARAMETER_NAMES.filter((n) => n in v).map((n) => [n, v[n]])) as Partial<Parameters>;
}
