import 'server-only';
import { liveReports } from '@/db/queries/reports';
import { openReportBody } from './crypto';
import type { IdentifierKind } from './identifiers';
import { shownReport, type MatchedReport } from './lookup';

export interface BoardReport extends MatchedReport {
  identifiers: { kind: IdentifierKind; value: string }[];
  readable: boolean;
}

/** Every live report, newest first, decrypted for sellers: never who reported it. */
export async function reportBoard(): Promise<BoardReport[]> {
  return (await liveReports()).map((r) => {
    const body = openReportBody(r.id, r.keyVersion, r.ciphertext);
    return {
      ...shownReport(r, body),
      identifiers: body?.identifiers ?? [],
      readable: body !== null,
    };
  });
}
