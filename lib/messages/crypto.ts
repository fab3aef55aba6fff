import 'server-only';
import { open, seal } from '@/lib/crypto';
import { parseMessageKeys, type MessageKeys } from '@/lib/message-keys';
import { secrets } from '@/lib/secrets';

/** What is encrypted: the text, and for a warning the buyer's pseudonym as written. */
export interface MessagePayload {
  body: string;
  buyer?: string;
}

/** Who a message is from and to (null: the warnings board), and what kind it is. */
export interface MessageBinding {
  id: string;
  kind: 'direct' | 'warning';
  senderId: string;
  recipientId: string | null;
}

/**
 * A ciphertext's associated data. A string binds to itself (version 1: a message's row id, as
 * older rows were sealed; a feedback note's id; a contest's own label). A message binding
 * (version 2) also names kind, sender and recipient, so moving a ciphertext to another row,
 * person or kind makes it unreadable.
 */
export type Binding = string | MessageBinding;

export const CURRENT_AAD_VERSION = 2;

export function associatedData(binding: Binding): string {
  if (typeof binding === 'string') return binding;
  return ['message/v2', binding.id, binding.kind, binding.senderId, binding.recipientId ?? 'board'].join('\0');
}

const store = globalThis as unknown as { __coopMessageKeys?: MessageKeys };

export function messageKeys(): MessageKeys {
  store.__coopMessageKeys ??= parseMessageKeys(secrets().messageKeys);
  return store.__coopMessageKeys;
}

/** AES-256-GCM under the current key, bound as `binding` says. */
export function encryptMessage(binding: Binding, payload: MessagePayload, keys = messageKeys()) {
  return {
    keyVersion: keys.current.version,
    aadVersion: typeof binding === 'string' ? 1 : CURRENT_AAD_VERSION,
    ciphertext: seal(keys.current.key, JSON.stringify(payload), associatedData(binding)),
  };
}

/** A stored row: id-bound (no aadVersion, or 1) or bound to its message fields (2). */
export type SealedRow = { id: string; keyVersion: number; ciphertext: string; aadVersion?: number } & Partial<Omit<MessageBinding, 'id'>>;

function bindingOf(row: SealedRow): Binding | null {
  if (!row.aadVersion || row.aadVersion === 1) return row.id;
  if (row.aadVersion !== CURRENT_AAD_VERSION || !row.kind || !row.senderId || row.recipientId === undefined) return null;
  return { id: row.id, kind: row.kind, senderId: row.senderId, recipientId: row.recipientId };
}

/** The payload, or null when it cannot be read (tampered, moved to another row or person, or its key is gone). */
export function decryptMessage(row: SealedRow, keys = messageKeys()): MessagePayload | null {
  const key = keys.byVersion.get(row.keyVersion);
  const binding = bindingOf(row);
  const text = key && binding !== null ? open(key, row.ciphertext, associatedData(binding)) : null;
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as MessagePayload;
    return typeof parsed.body === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
