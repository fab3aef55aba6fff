// The report form's fixed choices and limits: plain data, safe to import in client components
// (identifiers.ts pulls in libphonenumber-js's metadata and rules.ts zod, which must stay on the server).

export const IDENTIFIER_KINDS = ['pseudonym', 'phone', 'plate', 'handle'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const HANDLE_PLATFORMS = ['telegram', 'signal', 'whatsapp', 'instagram', 'x', 'onlyfans', 'kaufmich', 'other'] as const;
export type HandlePlatform = (typeof HANDLE_PLATFORMS)[number];

export const IDENTIFIER_INPUT_MAX = 80;

export const REPORT_CATEGORIES = ['violence', 'sexual_assault', 'robbery', 'payment', 'no_show', 'blackmail', 'boundary', 'police', 'other'] as const;
export const REPORT_SEVERITIES = ['dangerous', 'risky', 'annoying'] as const;
export const MARK_REASONS = ['not_what_happened', 'wrong_person', 'duplicate', 'retaliation', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];
export type MarkReason = (typeof MARK_REASONS)[number];

export const REPORT_DESCRIPTION_MAX = 2000;
export const MARK_NOTE_MAX = 500;
export const ANNOTATION_MAX = 1000;

/**
 * The board shows this many reports a page: 200 at once, each with its "seems wrong" form, took a
 * phone seconds of script (the form is now on each report's own page). Pages beyond the last are
 * empty; beyond MAX, page 1.
 */
export const BOARD_PAGE_SIZE = 25;
export const BOARD_MAX_PAGE = 100;

/** The board's page from the address (?page=), 1 for anything that is not a page number in range. */
export function boardPage(value: unknown): number {
  const page = typeof value === 'string' && /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : 1;
  return page <= BOARD_MAX_PAGE ? page : 1;
}
