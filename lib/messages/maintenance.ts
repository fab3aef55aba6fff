import 'server-only';
import { notesNotUnder, replaceNote } from '@/db/queries/feedback';
import { messagesNotUnder, purgeExpiredMessages, replaceCiphertext } from '@/db/queries/messages';
import { decryptMessage, encryptMessage, messageKeys } from './crypto';

type Sealed = { id: string; keyVersion: number | null; ciphertext: string | null };

/** Moves one table's ciphertexts to the current key, batch by batch. */
async function rotate(
  fetch: (version: number, limit: number) => Promise<Sealed[]>,
  replace: (id: string, from: number, to: number, ciphertext: string) => Promise<void>,
  batch: number,
) {
  const keys = messageKeys();
  let moved = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await fetch(keys.current.version, batch + skipped.size)).filter((r) => !skipped.has(r.id));
    if (rows.length === 0) break;
    for (const row of rows) {
      const payload = row.keyVersion !== null && row.ciphertext ? decryptMessage({ ...row, keyVersion: row.keyVersion, ciphertext: row.ciphertext }, keys) : null;
      if (!payload) {
        skipped.add(row.id);
        continue;
      }
      const next = encryptMessage(row.id, payload, keys);
      await replace(row.id, row.keyVersion!, next.keyVersion, next.ciphertext);
      moved++;
    }
  }
  return { moved, unreadable: skipped.size };
}

/**
 * Re-encrypts every message and feedback note not under the current key. One whose key is no
 * longer listed, or that fails authentication, is left as it is and counted: nothing is guessed.
 */
export async function rotateMessageKeys(batch = 500): Promise<{ moved: number; unreadable: number }> {
  const messages = await rotate(messagesNotUnder, replaceCiphertext, batch);
  const notes = await rotate(notesNotUnder, replaceNote, batch);
  return { moved: messages.moved + notes.moved, unreadable: messages.unreadable + notes.unreadable };
}

export function purgeMessages(now = new Date()): Promise<number> {
  return purgeExpiredMessages(now);
}
