'use server';

import { revalidatePath } from 'next/cache';
import { setAlertRegions } from '@/db/queries/report-regions';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, localiseRefusal, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { lookupIdentifier, type IdentifierLookup } from '@/lib/reports/lookup';
import { MARK_NOTE_MAX, REPORT_DESCRIPTION_MAX, type ReportInput } from '@/lib/reports/rules';
import { markReport, submitReport, withdrawReport } from '@/lib/reports/submit';

// Only async functions are exported from this file: every export of a 'use server' file is a callable action.
export type ReportState = FormState<{ withdrawalCode: string; expiresOn: string }>;
export type IdentifierLookupState = FormState<IdentifierLookup>;

const PAGE = '/[locale]/seller/reports';
// Read a little past each limit: an over-long text is refused with a message, never cut off.
const text = (form: FormData, name: string, max = 100) => formText(form, name, max * 2);

export async function submitReportAction(_prev: ReportState, form: FormData): Promise<ReportState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = {
    category: text(form, 'category'),
    severity: text(form, 'severity'),
    occurredOn: text(form, 'occurredOn'),
    regionId: text(form, 'regionId'),
    description: text(form, 'description', REPORT_DESCRIPTION_MAX),
    pseudonym: text(form, 'pseudonym'),
    phone: text(form, 'phone'),
    plate: text(form, 'plate'),
    handlePlatform: text(form, 'handlePlatform') || undefined,
    handle: text(form, 'handle'),
  };
  const outcome = await submitReport(auth.user.id, input as ReportInput);
  if (outcome.ok) revalidatePath(PAGE, 'page');
  if (!outcome.ok) return localiseRefusal(outcome, input as Record<string, string>);
  return { status: 'ok', withdrawalCode: outcome.withdrawalCode, expiresOn: outcome.expiresOn };
}

export async function withdrawReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await withdrawReport(text(form, 'code', 32));
  if (outcome.ok) revalidatePath(PAGE, 'page');
  return localise(outcome);
}

export async function markReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = { reason: text(form, 'reason'), note: text(form, 'note', MARK_NOTE_MAX) };
  return localise(await markReport(auth.user.id, text(form, 'reportId', 36), input), input);
}

export async function alertRegionsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const ids = form.getAll('region').filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)).slice(0, 50);
  await setAlertRegions(auth.user.id, ids);
  revalidatePath(PAGE, 'page');
  return { status: 'ok' };
}

export async function lookupIdentifierAction(_prev: IdentifierLookupState, form: FormData): Promise<IdentifierLookupState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = { kind: text(form, 'kind'), value: text(form, 'value'), platform: text(form, 'platform') || undefined };
  const outcome = await lookupIdentifier(input as Parameters<typeof lookupIdentifier>[0]);
  if (!outcome.ok) return localiseRefusal(outcome, { kind: input.kind, value: input.value, platform: input.platform ?? '' });
  return { status: 'ok', kind: outcome.kind, value: outcome.value, reports: outcome.reports };
}
