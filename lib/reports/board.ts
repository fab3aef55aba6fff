import 'server-only';
import { liveReports } from '@/db/queries/reports';
import { BOARD_PAGE_SIZE } from './constants';
import { openReportBody } from './crypto';
import type { IdentifierKind } from './identifiers';
import { shownReport, type MatchedReport } from './lookup';

export interface BoardReport extends MatchedReport {
  identifiers: { kind: IdentifierKind; value: string }[];
  readable: boolean;
}

/** One page of the live reports, newest first, decrypted for sellers (never who reported them), and whether older ones follow. */
export async function reportBoard(page = 1): Promise<{ reports: BoardReport[]; hasOlder: boolean }> {
  const rows = await liveReports(BOARD_PAGE_SIZE + 1, (page - 1) * BOARD_PAGE_SIZE);
  const reports = rows.slice(0, BOARD_PAGE_SIZE).map((r) => {
    const body = openReportBody(r.id, r.keyVersion, r.ciphertext);
    return {
      ...shownReport(r, body),
      identifiers: body?.identifiers ?? [],
      readable: body !== null,
    };
  });
  return { reports, hasOlder: rows.length > BOARD_PAGE_SIZE };
}
