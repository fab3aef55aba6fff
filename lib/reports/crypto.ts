import 'server-only';
import { open, seal } from '@/lib/crypto';
import { keyedHash, sealingKey } from '@/lib/keys';
import { messageKeys } from '@/lib/messages/crypto';
import type { MessageKeys } from '@/lib/message-keys';
import { matchKey, type IdentifierKind } from './identifiers';

/** What a report's ciphertext holds: the description and the identifiers in their canonical form, for display. */
export interface ReportBody {
  description: string;
  identifiers: { kind: IdentifierKind; value: string }[];
}

/** Which sealed text: a report's body or annotation (id: the report), or a mark's note (id: the mark). */
type Field = 'body' | 'annotation' | 'mark';

/** Bound to its row and to which text it is: no text moves to another report, mark or field. */
const aad = (reportId: string, field: Field) => ['report/v1', reportId, field].join('\0');

/** AES-256-GCM under a key derived from the current message key for purpose 'report-body'. */
export function sealReportText(reportId: string, field: Field, plaintext: string, keys: MessageKeys = messageKeys()) {
  return { keyVersion: keys.current.version, ciphertext: seal(sealingKey('report-body', keys.current.key), plaintext, aad(reportId, field)) };
}

/** The plaintext, or null when it cannot be read (moved to another report or field, tampered, key gone). */
export function openReportText(reportId: string, field: Field, keyVersion: number | null, ciphertext: string | null, keys: MessageKeys = messageKeys()): string | null {
  if (keyVersion === null || !ciphertext) return null;
  const key = keys.byVersion.get(keyVersion);
  return key ? open(sealingKey('report-body', key), ciphertext, aad(reportId, field)) : null;
}

export function sealReportBody(reportId: string, body: ReportBody) {
  return sealReportText(reportId, 'body', JSON.stringify(body));
}

export function openReportBody(reportId: string, keyVersion: number | null, ciphertext: string | null): ReportBody | null {
  const text = openReportText(reportId, 'body', keyVersion, ciphertext);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as ReportBody;
    return typeof parsed.description === 'string' && Array.isArray(parsed.identifiers) ? parsed : null;
  } catch {
    return null;
  }
}

/** The look-up value of a normalised identifier: HMAC under a key used for nothing else. */
export function identifierHash(kind: IdentifierKind, normalised: string): string {
  return keyedHash('report-identifier', matchKey(kind, normalised));
}

/** Counts distinct reporters of one identifier without linking her reports of different identifiers. */
export function reporterTag(reporterId: string, hash: string): string {
  return keyedHash('report-reporter-tag', `${reporterId}\0${hash}`);
}

/** One "seems wrong" per seller per report, without storing who. */
export function markerRef(sellerId: string, reportId: string): string {
  return keyedHash('report-mark', `${sellerId}\0${reportId}`);
}

export function withdrawalHash(code: string): string {
  return keyedHash('report-withdrawal', code);
}
