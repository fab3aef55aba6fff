import type { createFormatter } from 'next-intl';

type Formatter = Pick<ReturnType<typeof createFormatter>, 'dateTime' | 'number'>;

/** Scores as people read them: two decimals in the locale's style ("0,75" in German), "—" for none. */
export function twoDecimals(format: Formatter, x: number | null): string {
  return x === null ? '—' : format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one way a date is shown: the locale's medium date ("02.12.2026" in German, "Dec 2, 2026" in
 * English), never a raw ISO string. A calendar date ("2026-12-02") is read and shown in UTC so no
 * time zone can move it to the day before; a timestamp is shown in the formatter's time zone.
 */
export function formatDate(format: Formatter, iso: string | Date): string {
  if (typeof iso === 'string' && DATE_ONLY.test(iso)) {
    return format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  }
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) throw new RangeError(`formatDate: not a date: ${String(iso)}`);
  return format.dateTime(date, { dateStyle: 'medium' });
}

/** A month and year ("Dezember 2026"), for "member since"; a calendar date or a "YYYY-MM" month. */
export function formatMonth(format: Formatter, iso: string): string {
  const day = /^\d{4}-\d{2}$/.test(iso) ? `${iso}-01` : iso.slice(0, 10);
  return format.dateTime(new Date(`${day}T00:00:00Z`), { year: 'numeric', month: 'long', timeZone: 'UTC' });
}
