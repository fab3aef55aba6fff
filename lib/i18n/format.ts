import type { createFormatter } from 'next-intl';

/** Scores as people read them: two decimals in the locale's style ("0,75" in German), "—" for none. */
export function twoDecimals(format: ReturnType<typeof createFormatter>, x: number | null): string {
  return x === null ? '—' : format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
