import 'server-only';
import { liveReports } from '@/db/queries/reports';
import { openReportBody } from './crypto';
import type { IdentifierKind } from './identifiers';
import type { ReportCategory, ReportSeverity } from './rules';

export interface BoardReport {
  id: string;
  category: ReportCategory;
  severity: ReportSeverity;
  occurredOn: string;
  region: string | null;
  /** Null when unreadable. */
  description: string | null;
  identifiers: { kind: IdentifierKind; value: string }[];
  readable: boolean;
}

/** Every live report, newest first, decrypted for sellers: never who reported it. */
export async function reportBoard(): Promise<BoardReport[]> {
  return (await liveReports()).map((r) => {
    const body = openReportBody(r.id, r.keyVersion, r.ciphertext);
    return {
      id: r.id,
      category: r.category,
      severity: r.severity,
      occurredOn: r.occurredOn,
      region: r.region,
      description: body?.description || null,
      identifiers: body?.identifiers ?? [],
      readable: body !== null,
    };
  });
}
