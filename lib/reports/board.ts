import 'server-only';
import { z } from 'zod';
import { liveReport, liveReports, type StoredReport } from '@/db/queries/reports';
import { BOARD_PAGE_SIZE } from './constants';
import { openReportBody } from './crypto';
import type { IdentifierKind } from './identifiers';
import { shownReport, type MatchedReport } from './lookup';

export interface BoardReport extends MatchedReport {
  identifiers: { kind: IdentifierKind; value: string }[];
  readable: boolean;
}

/** A stored report decrypted for sellers (never who reported it: none is stored). */
function boardReport(r: StoredReport): BoardReport {
  const body = openReportBody(r.id, r.keyVersion, r.ciphertext);
  return { ...shownReport(r, body), identifiers: body?.identifiers ?? [], readable: body !== null };
}

/** One page of the live reports, newest first, and whether older ones follow. */
export async function reportBoard(page = 1): Promise<{ reports: BoardReport[]; hasOlder: boolean }> {
  const rows = await liveReports(BOARD_PAGE_SIZE + 1, (page - 1) * BOARD_PAGE_SIZE);
  return { reports: rows.slice(0, BOARD_PAGE_SIZE).map(boardReport), hasOlder: rows.length > BOARD_PAGE_SIZE };
}

/** One live report, for its own page; null for anything that is not the id of a live report. */
export async function boardReportById(id: string): Promise<BoardReport | null> {
  if (!z.guid().safeParse(id).success) return null;
  const row = await liveReport(id);
  return row && boardReport(row);
}
