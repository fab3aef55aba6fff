import 'server-only';
import { open, seal } from '@/lib/crypto';
import { parseMessageKeys, type MessageKeys } from '@/lib/message-keys';
import { secrets } from '@/lib/secrets';

/** What is encrypted: the text, and for a warning the buyer's pseudonym as written. */
export interface MessagePayload {
  body: string;
  buyer?: string;
}

const store = globalThis as unknown as { __coopMessageKeys?: MessageKeys };

export function messageKeys(): MessageKeys {
  store.__coopMessageKeys ??= parseMessageKeys(secrets().messageKeys);
  return store.__coopMessageKeys;
}

/** AES-256-GCM under the current key, bound to the message id. */
export function encryptMessage(id: string, payload: MessagePayload, keys = messageKeys()) {
  return { keyVersion: keys.current.version, ciphertext: seal(keys.current.key, JSON.stringify(payload), id) };
}

/** The payload, or null when it cannot be read (tampered, another row's, or its key is gone). */
export function decryptMessage(row: { id: string; keyVersion: number; ciphertext: string }, keys = messageKeys()): MessagePayload | null {
  const key = keys.byVersion.get(row.keyVersion);
  const text = key ? open(key, row.ciphertext, row.id) : null;
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as MessagePayload;
    return typeof parsed.body === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
