import { describe, expect, it } from 'vitest';
import { repeatIdentifierFigure, reportWeekMetrics } from '@/lib/metrics/reports';
import { occurredOnProblem, reportExpiresOn, reportInput, weekOf } from '@/lib/reports/rules';
import { BOARD_MAX_PAGE, boardPage } from '@/lib/reports/constants';

const DAYS = { dangerous: 730, risky: 365, annoying: 90 };

describe('expiry by severity', () => {
  it('dangerous 2 years, risky 1 year, annoying 90 days from the day it was made', () => {
    expect(reportExpiresOn('dangerous', '2026-12-02', DAYS)).toBe('2028-12-01'); // 2028 is a leap year
    expect(reportExpiresOn('risky', '2026-12-02', DAYS)).toBe('2027-12-02');
    expect(reportExpiresOn('annoying', '2026-12-02', DAYS)).toBe('2027-03-02');
    expect(reportExpiresOn('annoying', '2026-12-02', { ...DAYS, annoying: 30 })).toBe('2027-01-01');
  });

  it('weeks start on Monday', () => {
    expect(weekOf('2026-12-02')).toBe('2026-11-30'); // a Wednesday
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // Sunday
  });
});

describe('the report form', () => {
  it('refuses a day in the future or more than a year back', () => {
    expect(occurredOnProblem('2026-12-02', '2026-12-02')).toBeNull();
    expect(occurredOnProblem('2026-12-03', '2026-12-02')).toBe('reportDateFuture');
    expect(occurredOnProblem('2025-12-02', '2026-12-02')).toBeNull();
    expect(occurredOnProblem('2025-12-01', '2026-12-02')).toBe('reportDateOld');
  });

  it('accepts only real days and known categories, severities and platforms; empty identifiers are absent', () => {
    const ok = reportInput.safeParse({ category: 'police', severity: 'risky', occurredOn: '2026-02-28', phone: '  ', regionId: '' });
    expect(ok.success && ok.data).toMatchObject({ category: 'police', phone: undefined, regionId: undefined, description: '' });
    const bad = reportInput.safeParse({ category: 'x', severity: 'y', occurredOn: '2026-02-30', handlePlatform: 'myspace' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['category', 'reportCategory'],
      ['severity', 'reportSeverity'],
      ['occurredOn', 'reportDate'],
      ['handlePlatform', 'identifierHandle'],
    ]);
    expect(reportInput.safeParse({ category: 'other', severity: 'annoying', occurredOn: '2026-01-01', description: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('reportDescriptionTooLong');
  });
});

describe('report metrics: every figure suppressed below 5', () => {
  const cells = [
    { category: 'violence', severity: 'dangerous', reports: 3 },
    { category: 'violence', severity: 'risky', reports: 2 },
    { category: 'no_show', severity: 'annoying', reports: 6 },
  ];

  it('sums by severity and by category, hiding what fewer than 5 reports make up', () => {
    const m = reportWeekMetrics('2026-11-30', { cells, lookups: 40, warnings: 10 });
    expect(m.total).toBe(11);
    expect(m.bySeverity).toEqual({ dangerous: null, risky: null, annoying: 6 });
    expect(m.byCategory.violence).toBe(5);
    expect(m.byCategory.no_show).toBe(6);
    expect(m.byCategory.police).toBeNull(); // 0: below 5 as well
    expect(m.warningShare).toBe(0.25);
  });

  it('hides the share of look-ups with a warning below 5 look-ups, and repeat identifiers below 5', () => {
    expect(reportWeekMetrics('2026-11-30', { cells: [], lookups: 4, warnings: 4 }).warningShare).toBeNull();
    expect(repeatIdentifierFigure(4)).toBeNull();
    expect(repeatIdentifierFigure(5)).toBe(5);
  });
});

describe("the board's page from the address", () => {
  it('takes a page number in range and makes anything else page 1', () => {
    expect(boardPage('1')).toBe(1);
    expect(boardPage('7')).toBe(7);
    expect(boardPage(String(BOARD_MAX_PAGE))).toBe(BOARD_MAX_PAGE);
    for (const bad of [undefined, '', '0', '-2', '1.5', '2e1', ' 3', '03', 'abc', String(BOARD_MAX_PAGE + 1), '99999999999', ['2', '3']]) {
      expect(boardPage(bad), JSON.stringify(bad)).toBe(1);
    }
  });
});
