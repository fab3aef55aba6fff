import 'server-only';
import { messagesNotUnder, purgeExpiredMessages, replaceCiphertext } from '@/db/queries/messages';
import { decryptMessage, encryptMessage, messageKeys } from './crypto';

/**
 * Re-encrypts every message not under the current key. A message whose key is no longer
 * listed, or that fails authentication, is left as it is and counted: nothing is guessed.
 */
export async function rotateMessageKeys(batch = 500): Promise<{ moved: number; unreadable: number }> {
  const keys = messageKeys();
  let moved = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await messagesNotUnder(keys.current.version, batch + skipped.size)).filter((r) => !skipped.has(r.id));
    if (rows.length === 0) break;
    for (const row of rows) {
      const payload = decryptMessage(row, keys);
      if (!payload) {
        skipped.add(row.id);
        continue;
      }
      const next = encryptMessage(row.id, payload, keys);
      await replaceCiphertext(row.id, row.keyVersion, next.keyVersion, next.ciphertext);
      moved++;
    }
  }
  return { moved, unreadable: skipped.size };
}

export function purgeMessages(now = new Date()): Promise<number> {
  return purgeExpiredMessages(now);
}
