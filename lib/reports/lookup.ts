import 'server-only';
import { reportsMatching, type StoredReport } from '@/db/queries/reports';
import { fieldErrorsOf, type Outcome } from '@/lib/accounts/errors';
import { identifierHash, openReportBody, type ReportBody } from './crypto';
import { normaliseIdentifier, type IdentifierKind } from './identifiers';
import { countLookup } from './lookup-tally';
import { identifierLookupInput, type IdentifierLookupInput, type ReportCategory, type ReportSeverity } from './rules';

/** A matching report as a look-up shows it: never the reporter (none is stored). */
export interface MatchedReport {
  id: string;
  category: ReportCategory;
  severity: ReportSeverity;
  occurredOn: string;
  region: string | null;
  /** Null when it cannot be decrypted (shown as unreadable) or is empty. */
  description: string | null;
}

/** Serious reports make the verdict "warnings"; annoying ones "caution". */
export function reportCounts(reports: readonly MatchedReport[]) {
  const serious = reports.filter((r) => r.severity !== 'annoying').length;
  return { serious, minor: reports.length - serious };
}

/** Live reports naming a normalised identifier, newest first (a constant number of rows from the hash index). */
export async function matchingReports(kind: IdentifierKind, normalised: string): Promise<MatchedReport[]> {
  return openedReports(await reportsMatching(identifierHash(kind, normalised)));
}

/** Stored reports as a look-up shows them, their bodies opened. */
export function openedReports(rows: StoredReport[]): MatchedReport[] {
  return rows.map((r) => shownReport(r, openReportBody(r.id, r.keyVersion, r.ciphertext)));
}

/** A stored report as sellers and coordinators see it, from its opened body (null: unreadable). */
export function shownReport(r: Omit<MatchedReport, 'description'>, body: ReportBody | null): MatchedReport {
  return { id: r.id, category: r.category, severity: r.severity, occurredOn: r.occurredOn, region: r.region, description: body?.description || null };
}

export interface IdentifierLookup {
  kind: IdentifierKind;
  /** The canonical form, shown back ("+4915123456789", "MAB1234", "instagram:kiki"). */
  value: string;
  reports: MatchedReport[];
}

/** A seller's look-up by a phone number, plate, handle or pseudonym: the live reports naming it. */
export async function lookupIdentifier(input: IdentifierLookupInput): Promise<Outcome<IdentifierLookup>> {
  const parsed = identifierLookupInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const n = normaliseIdentifier(parsed.data.kind, parsed.data.value, parsed.data.platform ?? '');
  if (!n.ok) return { ok: false, fieldErrors: { value: n.error } };
  const reports = await matchingReports(n.kind, n.value);
  countLookup(reportCounts(reports).serious > 0);
  return { ok: true, kind: n.kind, value: n.value, reports };
}
