import 'server-only';
import { z } from 'zod';
import { appendChangelog } from '@/db/queries/changelog';
import type { Outcome } from '@/lib/accounts/errors';
import { fieldErrorsOf } from '@/lib/accounts/errors';

/** Euros with at most two decimals ("12,50" or "12.50"), as cents. */
const euros = z
  .string()
  .trim()
  .transform((s) => s.replace(',', '.'))
  .refine((s) => /^\d{1,7}(\.\d{1,2})?$/.test(s), 'amount')
  .transform((s) => Math.round(Number(s) * 100));

/** The cooperative's month in aggregate: dues collected and costs; never one member's payment. */
export const financialReportSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month'),
  dues: euros,
  costs: euros,
});

/** A coordinator posts a month's report to the public changelog (a later one for the same month corrects it). */
export async function postFinancialReport(actor: { role: string }, input: unknown, today = new Date()): Promise<Outcome> {
  if (actor.role !== 'coordinator') return { ok: false, formError: 'forbidden' };
  const parsed = financialReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (parsed.data.month > today.toISOString().slice(0, 7)) return { ok: false, fieldErrors: { month: 'month' } };
  await appendChangelog('financial_report', { month: parsed.data.month, duesCents: parsed.data.dues, costsCents: parsed.data.costs });
  return { ok: true };
}
