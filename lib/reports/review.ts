import 'server-only';
import { openContestPseudonymKeys } from '@/db/queries/contests';
import { removeReport, reviewQueue, setAnnotation, setReportShown } from '@/db/queries/reports';
import type { Outcome } from '@/lib/accounts/errors';
import { identifierHash, openReportBody, openReportText, sealReportText } from './crypto';
import type { IdentifierKind } from './identifiers';
import { shownReport, type MatchedReport } from './lookup';
import { ANNOTATION_MAX, type MarkReason } from './rules';

export { ANNOTATION_MAX };

export interface ReviewItem extends MatchedReport {
  createdOn: string;
  state: 'live' | 'hidden' | 'removed';
  /** It names, by pseudonym, someone who asked for a review of what is recorded about them. */
  contested: boolean;
  identifiers: { kind: IdentifierKind; value: string }[];
  annotation: string | null;
  marks: { id: string; reason: MarkReason; note: string | null; createdOn: string }[];
}

/**
 * Reports someone marked "seems wrong", hidden pending review, or naming someone with an open
 * contest (the person concerned is never told whether a report exists: the contest is about
 * everything recorded about them). No reporter, no marker: neither is stored.
 */
export async function reportReviewQueue(): Promise<ReviewItem[]> {
  // A pseudonym's key is its canonical form, the one a report's pseudonym identifier is hashed in.
  const contested = (await openContestPseudonymKeys()).map((key) => identifierHash('pseudonym', key));
  return (await reviewQueue(contested)).map((r) => {
    const body = openReportBody(r.id, r.keyVersion, r.ciphertext);
    return {
      ...shownReport(r, body),
      createdOn: r.createdOn,
      state: r.state,
      contested: r.contested,
      // Coordinators judge reports, they do not look people up: the kind and the last two characters.
      identifiers: (body?.identifiers ?? []).map((i) => ({ kind: i.kind, value: maskIdentifier(i.value) })),
      annotation: openReportText(r.id, 'annotation', r.annotationKeyVersion, r.annotationCiphertext),
      marks: r.marks.map((m) => ({ id: m.id, reason: m.reason, note: openReportText(m.id, 'mark', m.noteKeyVersion, m.noteCiphertext), createdOn: m.createdOn })),
    };
  });
}

/** "+4915123456789" → "••••••••••••89". */
export function maskIdentifier(value: string): string {
  const chars = [...value];
  return '•'.repeat(Math.max(0, chars.length - 2)) + chars.slice(-2).join('');
}

const isId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export type ReviewDecision = 'annotate' | 'hide' | 'show' | 'remove';

/** A coordinator's decision on a report (callers check the role). */
export async function decideReport(reportId: string, decision: string, annotation = ''): Promise<Outcome> {
  if (!isId(reportId)) return { ok: false, formError: 'reportUnknown' };
  let done: boolean;
  switch (decision) {
    case 'annotate': {
      const text = annotation.trim();
      if (!text) return { ok: false, fieldErrors: { annotation: 'annotationEmpty' } };
      if (text.length > ANNOTATION_MAX) return { ok: false, fieldErrors: { annotation: 'annotationTooLong' } };
      done = await setAnnotation(reportId, sealReportText(reportId, 'annotation', text));
      break;
    }
    case 'hide':
    case 'show':
      done = await setReportShown(reportId, decision === 'show');
      break;
    case 'remove':
      done = await removeReport(reportId);
      break;
    default:
      return { ok: false, formError: 'invalid' };
  }
  return done ? { ok: true } : { ok: false, formError: 'reportUnknown' };
}
