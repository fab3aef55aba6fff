import 'server-only';
import { notesNotUnder, replaceNote } from '@/db/queries/feedback';
import { messagesNotUnder, purgeExpiredMessages, replaceCiphertext } from '@/db/queries/messages';
import { rotateContestTexts } from '@/lib/rights/contest-crypto';
import { CURRENT_AAD_VERSION, decryptMessage, encryptMessage, messageKeys, type Binding, type SealedRow } from './crypto';

type Stored = Omit<SealedRow, 'keyVersion' | 'ciphertext'> & { keyVersion: number | null; ciphertext: string | null };

/**
 * Re-seals one table's ciphertexts under the current key and binding, batch by batch. A row that
 * cannot be opened is skipped and counted: nothing is guessed.
 */
async function rotate<R extends Stored>(
  fetch: (limit: number) => Promise<R[]>,
  bindingOf: (row: R) => Binding,
  replace: (row: R, next: ReturnType<typeof encryptMessage>) => Promise<void>,
  batch: number,
) {
  const keys = messageKeys();
  let moved = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await fetch(batch + skipped.size)).filter((r) => !skipped.has(r.id));
    if (rows.length === 0) break;
    for (const row of rows) {
      const payload = row.keyVersion !== null && row.ciphertext ? decryptMessage({ ...row, keyVersion: row.keyVersion, ciphertext: row.ciphertext }, keys) : null;
      if (!payload) {
        skipped.add(row.id);
        continue;
      }
      await replace(row, encryptMessage(bindingOf(row), payload, keys));
      moved++;
    }
  }
  return { moved, unreadable: skipped.size };
}

/**
 * Re-encrypts every message, feedback note and contest text not under the current key; messages
 * sealed to their id alone (before associated data named sender and recipient) are re-sealed
 * with the full binding. A row whose key is no longer listed, or that fails authentication, is
 * left as it is and counted.
 */
export async function rotateMessageKeys(batch = 500): Promise<{ moved: number; unreadable: number }> {
  const current = messageKeys().current.version;
  const messages = await rotate(
    (limit) => messagesNotUnder(current, limit, CURRENT_AAD_VERSION),
    (row) => ({ id: row.id, kind: row.kind, senderId: row.senderId, recipientId: row.recipientId }),
    (row, next) => replaceCiphertext(row.id, { keyVersion: row.keyVersion, aadVersion: row.aadVersion }, next),
    batch,
  );
  const notes = await rotate(
    (limit) => notesNotUnder(current, limit),
    (row) => row.id,
    (row, next) => replaceNote(row.id, row.keyVersion!, next.keyVersion, next.ciphertext),
    batch,
  );
  const contests = await rotateContestTexts(batch);
  return {
    moved: messages.moved + notes.moved + contests.moved,
    unreadable: messages.unreadable + notes.unreadable + contests.unreadable,
  };
}

export function purgeMessages(now = new Date()): Promise<number> {
  return purgeExpiredMessages(now);
}
