import 'server-only';
import { contestTextsNotUnder, replaceContestText } from '@/db/queries/contests';
import { decryptMessage, encryptMessage, messageKeys } from '@/lib/messages/crypto';

type Field = 'note' | 'annotation';

/** A contest's texts are bound to the row, its buyer and which text it is: neither moves to another contest. */
const binding = (id: string, buyerId: string, field: Field) => ['contest/v1', id, buyerId, field].join('\0');

export function sealContestText(id: string, buyerId: string, field: Field, text: string) {
  const { keyVersion, ciphertext } = encryptMessage(binding(id, buyerId, field), { body: text });
  return { keyVersion, ciphertext };
}

export function openContestText(id: string, buyerId: string, field: Field, keyVersion: number | null, ciphertext: string | null): string | null {
  if (keyVersion === null || !ciphertext) return null;
  // decryptMessage with a string binding: its aadVersion 1 path opens with exactly that string.
  return decryptMessage({ id: binding(id, buyerId, field), keyVersion, ciphertext })?.body ?? null;
}

/** Re-seals contest texts not under the current key; unreadable ones are counted and left. */
export async function rotateContestTexts(batch: number): Promise<{ moved: number; unreadable: number }> {
  const current = messageKeys().current.version;
  let moved = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await contestTextsNotUnder(current, batch + skipped.size)).filter((r) => !skipped.has(r.id));
    if (rows.length === 0) break;
    for (const row of rows) {
      for (const field of ['note', 'annotation'] as const) {
        const [version, text] = field === 'note' ? [row.noteKeyVersion, row.noteCiphertext] : [row.annotationKeyVersion, row.annotationCiphertext];
        if (version === null || version === current || !text) continue;
        const plain = openContestText(row.id, row.buyerId, field, version, text);
        if (plain === null) {
          skipped.add(row.id);
          continue;
        }
        await replaceContestText(row.id, field, version, sealContestText(row.id, row.buyerId, field, plain));
        moved++;
      }
    }
  }
  return { moved, unreadable: skipped.size };
}
