// The look-up's answer in words, first: what a seller deciding in the street reads. Pure.
// Any unsafe flag, or any warning on the board, is a warning, whatever the percentile says
// (4 "safe" and 1 "unsafe" still give S = 1.00: the number alone would read "safe").

export type VerdictState = 'warnings' | 'caution' | 'clear' | 'new';

export interface VerdictCounts {
  ratings: number;
  /** Distinct sellers who rated. */
  sellers: number;
  /** Unsafe / unreliable flags, and the distinct sellers who gave them. */
  unsafe: number;
  unsafeSellers: number;
  unreliable: number;
  unreliableSellers: number;
  /** Date of the latest unsafe flag ("YYYY-MM-DD"), if any. */
  latestUnsafeOn: string | null;
}

export interface Verdict {
  state: VerdictState;
  unsafeSellers: number;
  unreliableSellers: number;
  sellers: number;
  ratings: number;
  latestUnsafeOn: string | null;
  /** Live warnings on the sellers' board naming this pseudonym. */
  boardWarnings: number;
  /** Live incident reports naming it: dangerous or risky (serious), annoying (minor). Absent when none. */
  reports?: ReportTally;
}

export interface ReportTally {
  serious: number;
  minor: number;
}

export function verdictOf(c: VerdictCounts, boardWarnings = 0, reports: ReportTally = { serious: 0, minor: 0 }): Verdict {
  const state: VerdictState =
    c.unsafe > 0 || boardWarnings > 0 || reports.serious > 0
      ? 'warnings'
      : c.unreliable > 0 || reports.minor > 0
        ? 'caution'
        : c.ratings > 0
          ? 'clear'
          : 'new';
  return {
    state,
    unsafeSellers: c.unsafeSellers,
    unreliableSellers: c.unreliableSellers,
    sellers: c.sellers,
    ratings: c.ratings,
    latestUnsafeOn: c.latestUnsafeOn,
    boardWarnings,
    ...(reports.serious + reports.minor > 0 && { reports }),
  };
}
