import 'server-only';
import { randomUUID } from 'node:crypto';
import { notify } from '@/db/queries/notifications';
import { alertRecipients, deleteReportByWithdrawal, insertMark, insertReport, type NewReportIdentifier } from '@/db/queries/reports';
import { regionExists } from '@/db/queries/report-regions';
import { getDb } from '@/db/index';
import { fieldErrorsOf, type FieldErrors, type Outcome } from '@/lib/accounts/errors';
import { normaliseCode, randomCode } from '@/lib/crypto';
import { env } from '@/lib/env';
import { sealReportText } from './crypto';
import { identifierHash, markerRef, reporterTag, sealReportBody, withdrawalHash, type ReportBody } from './crypto';
import { normaliseIdentifier, type IdentifierKind } from './identifiers';
import { markInput, occurredOnProblem, reportExpiresOn, reportInput, type ReportInput } from './rules';
import { z } from 'zod';
import { cachedVersionInForce } from '@/db/queries/parameters';

const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Days a report stays, by severity: the members' voted values (the parameter version in force),
 * within the operator's REPORT_DAYS_* (the shorter wins, as for the retention window).
 */
export async function expiryDays() {
  const e = env();
  const voted = (await cachedVersionInForce()).params;
  return {
    dangerous: Math.min(e.REPORT_DAYS_DANGEROUS, voted.reportExpiryDangerousDays),
    risky: Math.min(e.REPORT_DAYS_RISKY, voted.reportExpiryRiskyDays),
    annoying: Math.min(e.REPORT_DAYS_ANNOYING, voted.reportExpiryAnnoyingDays),
  };
}

/**
 * A seller's incident report. No reporter is stored: she gets a withdrawal code, shown once.
 * A dangerous report alerts every other seller (or those who chose its region), content-free.
 */
export async function submitReport(reporterId: string, input: ReportInput, now = new Date()): Promise<Outcome<{ id: string; withdrawalCode: string; expiresOn: string }>> {
  const parsed = reportInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = parsed.data;
  const today = utcDay(now);
  const fieldErrors: FieldErrors = {};
  const dateProblem = occurredOnProblem(r.occurredOn, today);
  if (dateProblem) fieldErrors.occurredOn = dateProblem;

  const identifiers: { kind: IdentifierKind; value: string }[] = [];
  const typed: [IdentifierKind, string | undefined, string?][] = [
    ['pseudonym', r.pseudonym],
    ['phone', r.phone],
    ['plate', r.plate],
    ['handle', r.handle, r.handlePlatform],
  ];
  for (const [kind, value, platform] of typed) {
    if (!value) continue;
    const n = normaliseIdentifier(kind, value, platform ?? '');
    if (n.ok) identifiers.push({ kind, value: n.value });
    else fieldErrors[kind] = n.error;
  }
  if (r.regionId && !(await regionExists(r.regionId))) fieldErrors.regionId = 'reportRegion';
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const id = randomUUID();
  const withdrawalCode = randomCode();
  const expiresOn = reportExpiresOn(r.severity, today, await expiryDays());
  const body: ReportBody = { description: r.description, identifiers };
  const rows: NewReportIdentifier[] = identifiers.map((i) => {
    const hash = identifierHash(i.kind, i.value);
    return { kind: i.kind, hash, reporterTag: reporterTag(reporterId, hash) };
  });
  await getDb().transaction(async (tx) => {
    await insertReport(
      {
        id,
        category: r.category,
        severity: r.severity,
        occurredOn: r.occurredOn,
        regionId: r.regionId ?? null,
        createdOn: today,
        expiresOn,
        withdrawalHash: withdrawalHash(normaliseCode(withdrawalCode)),
        ...sealReportBody(id, body),
      },
      rows,
      tx,
    );
    if (r.severity === 'dangerous') await notify(await alertRecipients(r.regionId ?? null, tx), 'report_dangerous', tx);
  });
  return { ok: true, id, withdrawalCode, expiresOn };
}

/** Only the reporter can withdraw: whoever holds the code shown to her once. */
export async function withdrawReport(code: string): Promise<Outcome> {
  const normalised = normaliseCode(code.slice(0, 64));
  if (!/^[a-z0-9]{8,32}$/.test(normalised)) return { ok: false, fieldErrors: { code: 'withdrawalCode' } };
  return (await deleteReportByWithdrawal(withdrawalHash(normalised))) ? { ok: true } : { ok: false, fieldErrors: { code: 'withdrawalCode' } };
}

/** "This seems wrong": one per seller per report, a reason and an optional note (sealed). */
export async function markReport(sellerId: string, reportId: string, input: { reason?: string; note?: string }): Promise<Outcome> {
  const parsed = markInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!z.uuid().safeParse(reportId).success) return { ok: false, formError: 'reportUnknown' };
  const markId = randomUUID();
  const note = parsed.data.note ? sealReportText(markId, 'mark', parsed.data.note) : null;
  const ok = await insertMark({
    id: markId,
    reportId,
    markerRef: markerRef(sellerId, reportId),
    reason: parsed.data.reason,
    noteKeyVersion: note?.keyVersion ?? null,
    noteCiphertext: note?.ciphertext ?? null,
  });
  return ok ? { ok: true } : { ok: false, formError: 'markRefused' };
}
