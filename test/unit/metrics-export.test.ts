import { describe, expect, it } from 'vitest';
import type { WeekMetrics } from '@/lib/metrics/assemble';
import { csvLocale, metricsCsv } from '@/lib/metrics/csv';
import { targetState, weekSummary } from '@/lib/metrics/summary';

const SHOWN: WeekMetrics = {
  week: '2026-03-02',
  encounters: 1234,
  codeUsage: 0.625,
  buyerRatingRate: 0.5,
  sellerRatingRate: 1 / 3,
  retention: 0.8125,
  unsafeFlags: 9,
  repeatOffenders: 5,
  signUps: 7,
  activeSellers: 12,
};
const HIDDEN: WeekMetrics = {
  week: '2026-03-09',
  encounters: null,
  codeUsage: null,
  buyerRatingRate: null,
  sellerRatingRate: null,
  retention: null,
  unsafeFlags: null,
  repeatOffenders: null,
  signUps: null,
  activeSellers: null,
};
const HEADER = ['week', 'encounters', 'codeUsage', 'buyerRatingRate', 'sellerRatingRate', 'retention', 'unsafeFlags', 'repeatOffenders', 'signUps', 'activeSellers'];

describe('metrics CSV (lib/metrics/csv.ts)', () => {
  it('English: comma-separated, decimal point, no BOM (unchanged)', () => {
    const csv = metricsCsv([SHOWN, HIDDEN], 'en');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toBe(
      `${HEADER.join(',')}\r\n2026-03-02,1234,0.6250,0.5000,0.3333,0.8125,9,5,7,12\r\n2026-03-09,< 5,—,—,—,—,< 5,< 5,< 5,< 5\r\n`,
    );
    expect(metricsCsv([SHOWN])).toBe(metricsCsv([SHOWN], 'en'));
  });

  it('German: a BOM, semicolons and decimal commas, as German Excel reads it', () => {
    const csv = metricsCsv([SHOWN, HIDDEN], 'de');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const rows = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual(['2026-03-02', '1234', '0,6250', '0,5000', '0,3333', '0,8125', '9', '5', '7', '12']);
    expect(rows[2]).toEqual(['2026-03-09', '< 5', '—', '—', '—', '—', '< 5', '< 5', '< 5', '< 5']);
    // No cell contains a stray separator or point: each number parses once the comma is a point.
    const numbers = rows[1]!.slice(1).map((cell) => Number(cell.replace(',', '.')));
    expect(numbers).toEqual([1234, 0.625, 0.5, 0.3333, 0.8125, 9, 5, 7, 12]);
    expect(rows[1]!.some((cell) => cell.includes('.'))).toBe(false);
  });

  it('adds the incident-report figures per week, suppressed as on the dashboard; repeat identifiers on the last row only', () => {
    const nothing = { dangerous: null, risky: null, annoying: null };
    const categories = { violence: 6, sexual_assault: null, robbery: null, payment: null, no_show: null, blackmail: null, boundary: null, police: null, other: null };
    const reports = {
      weeks: [
        { week: '2026-03-02', total: 8, bySeverity: { dangerous: 6, risky: null, annoying: null }, byCategory: categories, warningShare: 0.125 },
        { week: '2026-03-09', total: null, bySeverity: nothing, byCategory: { ...categories, violence: null }, warningShare: null },
      ],
      repeatIdentifiers: 5,
    };
    const rows = metricsCsv([SHOWN, HIDDEN], 'de', reports).slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
    expect(rows[0]).toEqual([
      ...HEADER,
      'reports', 'reportsDangerous', 'reportsRisky', 'reportsAnnoying',
      'reportsViolence', 'reportsSexualAssault', 'reportsRobbery', 'reportsPayment', 'reportsNoShow', 'reportsBlackmail', 'reportsBoundary', 'reportsPolice', 'reportsOther',
      'lookupWarningShare', 'repeatReportedIdentifiers',
    ]);
    expect(rows[1]!.slice(HEADER.length)).toEqual(['8', '6', '< 5', '< 5', '6', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '0,1250', '']);
    expect(rows[2]!.slice(HEADER.length)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '< 5', '—', '5']);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('chooses the dialect by ?locale= first, then Accept-Language weights, else English', () => {
    expect(csvLocale('de', 'en-US,en;q=0.9')).toBe('de');
    expect(csvLocale('en', 'de-DE')).toBe('en');
    expect(csvLocale(null, 'de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(csvLocale(null, 'de-AT')).toBe('de');
    expect(csvLocale(null, 'en-GB,de;q=0.5')).toBe('en');
    expect(csvLocale(null, 'fr-FR,de;q=0.8,en;q=0.7')).toBe('de');
    expect(csvLocale(null, 'en;q=0.4,de;q=0.6')).toBe('de');
    expect(csvLocale(null, 'de;q=0')).toBe('en');
    expect(csvLocale('fr', null)).toBe('en');
    expect(csvLocale(null, null)).toBe('en');
    expect(csvLocale(null, '')).toBe('en');
  });
});

describe('summary card (lib/metrics/summary.ts)', () => {
  it('compares the latest week with the seed targets, strictly above', () => {
    expect(targetState(0.61, 0.6)).toBe('met');
    expect(targetState(0.6, 0.6)).toBe('below');
    expect(targetState(0, 0.5)).toBe('below');
    expect(targetState(null, 0.8)).toBe('hidden');
  });

  it('reads the last week of the list, in the order code usage, rating rate, retention', () => {
    const latest: WeekMetrics = { ...SHOWN, week: '2026-03-16', codeUsage: 0.7, buyerRatingRate: 0.5, retention: null };
    expect(weekSummary([SHOWN, HIDDEN, latest])).toEqual({
      week: '2026-03-16',
      lines: [
        { metric: 'codeUsage', value: 0.7, target: 0.6, state: 'met' },
        { metric: 'buyerRatingRate', value: 0.5, target: 0.5, state: 'below' },
        { metric: 'retention', value: null, target: 0.8, state: 'hidden' },
      ],
    });
    expect(weekSummary([])).toBeNull();
  });
});
