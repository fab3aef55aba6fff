import 'server-only';
import { addLookups } from '@/db/queries/reports';

// Look-ups are counted per day, with how many showed a warning (the pilot's "share of look-ups
// with a warning"). Writing the day's row on every look-up made all look-ups queue for that one
// row's lock; instead each process adds them up in memory and writes the sums every FLUSH_MS, and
// whenever the figures are read. A process killed outright loses at most FLUSH_MS of counts: a
// metric, never a safety fact. Counts only: no person, no buyer, no time of day.

export const FLUSH_MS = 10_000;

type Sums = Map<string, { lookups: number; warnings: number }>;
const state = globalThis as typeof globalThis & { __coopLookupTally?: { sums: Sums; timer: NodeJS.Timeout | null } };
const tally = (state.__coopLookupTally ??= { sums: new Map(), timer: null });

const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** The next write, unless one is already due (the timer never keeps a process alive). */
function schedule() {
  if (tally.timer) return;
  tally.timer = setTimeout(() => void flushLookups(), FLUSH_MS);
  tally.timer.unref();
}

/** One look-up more today, and whether it showed a warning. */
export function countLookup(warning: boolean, now = new Date()): void {
  const day = utcDay(now);
  const sum = tally.sums.get(day) ?? { lookups: 0, warnings: 0 };
  sum.lookups += 1;
  if (warning) sum.warnings += 1;
  tally.sums.set(day, sum);
  schedule();
}

/** Writes this process's sums; on a database error they are kept for the next try. */
export async function flushLookups(): Promise<void> {
  if (tally.timer) clearTimeout(tally.timer);
  tally.timer = null;
  const sums = [...tally.sums];
  tally.sums.clear();
  for (const [day, sum] of sums) {
    try {
      await addLookups(day, sum.lookups, sum.warnings);
    } catch {
      const kept = tally.sums.get(day) ?? { lookups: 0, warnings: 0 };
      tally.sums.set(day, { lookups: kept.lookups + sum.lookups, warnings: kept.warnings + sum.warnings });
    }
  }
  if (tally.sums.size > 0) schedule();
}
