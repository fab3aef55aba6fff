import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '@/lib/i18n/format';

const de = createFormatter({ locale: 'de', timeZone: 'Europe/Berlin' });
const en = createFormatter({ locale: 'en', timeZone: 'Europe/Berlin' });

describe('formatDate', () => {
  it('shows a calendar date as dd.mm.yyyy in German and as a medium date in English', () => {
    expect(formatDate(de, '2026-12-02')).toBe('02.12.2026');
    expect(formatDate(de, '2027-01-09')).toBe('09.01.2027');
    expect(formatDate(en, '2026-12-02')).toBe('Dec 2, 2026');
  });

  it('never moves a calendar date to another day, whatever the time zone', () => {
    for (const timeZone of ['Pacific/Honolulu', 'UTC', 'Pacific/Kiritimati']) {
      expect(formatDate(createFormatter({ locale: 'de', timeZone }), '2026-03-01')).toBe('01.03.2026');
    }
  });

  it('shows a timestamp on its day in the formatter’s time zone', () => {
    // 23:00 UTC on 2 December is already 3 December in Berlin.
    expect(formatDate(de, '2026-12-02T23:00:00.000Z')).toBe('03.12.2026');
    expect(formatDate(de, new Date('2026-06-15T10:00:00Z'))).toBe('15.06.2026');
    expect(formatDate(en, '2026-06-15T10:00:00Z')).toBe('Jun 15, 2026');
  });

  it('refuses what is not a date instead of showing "Invalid Date"', () => {
    expect(() => formatDate(de, 'soon')).toThrow(RangeError);
  });
});

describe('formatMonth', () => {
  it('shows a month and year from a date or a month', () => {
    expect(formatMonth(de, '2026-12-02')).toBe('Dezember 2026');
    expect(formatMonth(de, '2026-12')).toBe('Dezember 2026');
    expect(formatMonth(en, '2026-01')).toBe('January 2026');
  });
});
