import { z } from 'zod';
import {
  HANDLE_PLATFORMS, IDENTIFIER_INPUT_MAX, IDENTIFIER_KINDS, MARK_NOTE_MAX, MARK_REASONS, REPORT_CATEGORIES, REPORT_DESCRIPTION_MAX, REPORT_SEVERITIES,
  type ReportSeverity,
} from './constants';

export {
  ANNOTATION_MAX, MARK_NOTE_MAX, MARK_REASONS, REPORT_CATEGORIES, REPORT_DESCRIPTION_MAX, REPORT_SEVERITIES,
  type MarkReason, type ReportCategory, type ReportSeverity,
} from './constants';

// Pure rules of an incident report: the taxonomy, the form's shape and how long a report lives.
// Error messages are codes of the `Validation` namespace.

/** How far back a report may date: older incidents would expire at once or soon after. */
export const REPORT_MAX_AGE_DAYS = 365;

export interface ExpiryDays {
  dangerous: number;
  risky: number;
  annoying: number;
}

/** The day a report made on `createdOn` ("YYYY-MM-DD", UTC) is deleted. */
export function reportExpiresOn(severity: ReportSeverity, createdOn: string, days: ExpiryDays): string {
  const d = new Date(`${createdOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days[severity]);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the ISO week a day falls in ("YYYY-MM-DD"). */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'reportDate').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'reportDate');

const optionalText = (max: number, code: string) =>
  z
    .string()
    .trim()
    .max(max, code)
    .optional()
    .transform((v) => v || undefined);

/** The report form: one optional field per identifier kind (a handle is a platform and a name). */
export const reportInput = z.object({
  category: z.enum(REPORT_CATEGORIES, { error: 'reportCategory' }),
  severity: z.enum(REPORT_SEVERITIES, { error: 'reportSeverity' }),
  occurredOn: isoDate,
  regionId: z
    .union([z.uuid({ error: 'reportRegion' }), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  description: z.string().trim().max(REPORT_DESCRIPTION_MAX, 'reportDescriptionTooLong').default(''),
  pseudonym: optionalText(IDENTIFIER_INPUT_MAX, 'identifierPseudonym'),
  phone: optionalText(IDENTIFIER_INPUT_MAX, 'identifierPhone'),
  plate: optionalText(IDENTIFIER_INPUT_MAX, 'identifierPlate'),
  handlePlatform: z.enum(HANDLE_PLATFORMS, { error: 'identifierHandle' }).optional(),
  handle: optionalText(IDENTIFIER_INPUT_MAX, 'identifierHandle'),
});
export type ReportInput = z.input<typeof reportInput>;

/** A look-up by one identifier. */
export const identifierLookupInput = z.object({
  kind: z.enum(IDENTIFIER_KINDS, { error: 'identifierKind' }),
  value: z.string().trim().min(1, 'identifierEmpty').max(IDENTIFIER_INPUT_MAX, 'identifierTooLong'),
  platform: z.enum(HANDLE_PLATFORMS, { error: 'identifierHandle' }).optional(),
});
export type IdentifierLookupInput = z.input<typeof identifierLookupInput>;

/** The date must be today or earlier (UTC) and at most REPORT_MAX_AGE_DAYS back; null when fine. */
export function occurredOnProblem(occurredOn: string, today: string): string | null {
  if (occurredOn > today) return 'reportDateFuture';
  const earliest = new Date(`${today}T00:00:00Z`);
  earliest.setUTCDate(earliest.getUTCDate() - REPORT_MAX_AGE_DAYS);
  return occurredOn < earliest.toISOString().slice(0, 10) ? 'reportDateOld' : null;
}

export const markInput = z.object({
  reason: z.enum(MARK_REASONS, { error: 'markReason' }),
  note: z.string().trim().max(MARK_NOTE_MAX, 'markNoteTooLong').default(''),
});
