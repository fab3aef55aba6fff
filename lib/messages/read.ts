import 'server-only';
import { countUnread, countWarningsAbout, listDirect, listWarnings, markConversationRead } from '@/db/queries/messages';
import { findSeller } from '@/db/queries/users';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { decryptMessage } from './crypto';
import { buyerRef } from './refs';

/** A message as shown: `body` null when it cannot be decrypted (shown as unreadable, never a crash). */
export interface ShownMessage {
  id: string;
  kind: 'direct' | 'warning';
  from: string;
  to: string | null;
  mine: boolean;
  body: string | null;
  buyer: string | null;
  createdOn: string;
  /** The day the purge deletes it. */
  expiresOn: string;
  /** @deprecated the same day as expiresOn; kept until the message list switches to it. */
  expiresAt: string;
  unread: boolean;
}

type Row = Awaited<ReturnType<typeof listDirect>>[number] | Awaited<ReturnType<typeof listWarnings>>[number];

function show(row: Row, userId: string): ShownMessage {
  const payload = decryptMessage(row);
  return {
    id: row.id,
    kind: row.kind,
    from: row.sender,
    to: row.recipient,
    mine: row.senderId === userId,
    body: payload?.body ?? null,
    buyer: payload?.buyer ?? null,
    createdOn: row.createdOn,
    expiresOn: row.expiresOn,
    expiresAt: row.expiresOn,
    unread: row.recipientId === userId && !row.read,
  };
}

export interface Conversation {
  with: string;
  messages: ShownMessage[];
  unread: number;
}

/** Her direct messages, grouped by the other seller, most recent conversation first. */
export async function inbox(userId: string, now = new Date()): Promise<Conversation[]> {
  const byOther = new Map<string, Conversation>();
  for (const row of await listDirect(userId, now)) {
    const m = show(row, userId);
    const other = m.mine ? m.to! : m.from;
    const c = byOther.get(other) ?? { with: other, messages: [], unread: 0 };
    c.messages.push(m);
    if (m.unread) c.unread++;
    byOther.delete(other);
    byOther.set(other, c); // re-inserted: the map ends with the latest conversation
  }
  return [...byOther.values()].reverse();
}

/** One conversation with another seller; reading it marks what she received as read. */
export async function conversation(userId: string, otherPseudonym: string, now = new Date()): Promise<Conversation | null> {
  const name = pseudonymSchema.safeParse(otherPseudonym);
  const other = name.success ? await findSeller(pseudonymKey(name.data)) : null;
  if (!other || other.id === userId) return null;
  const rows = (await listDirect(userId, now)).filter((r) => r.senderId === other.id || r.recipientId === other.id);
  await markConversationRead(userId, other.id);
  return { with: other.pseudonym, messages: rows.map((r) => show(r, userId)), unread: 0 };
}

/** The warning board, every seller's; optionally only warnings naming one buyer. */
export async function board(userId: string, buyer?: string, now = new Date()): Promise<ShownMessage[]> {
  if (buyer !== undefined && !pseudonymSchema.safeParse(buyer).success) return []; // no such pseudonym: no warnings
  return (await listWarnings(now, buyer ? buyerRef(buyer) : undefined)).map((r) => show(r, userId));
}

export function liveWarningsAbout(buyer: string, now = new Date()): Promise<number> {
  return countWarningsAbout(buyerRef(buyer), now);
}

export function unreadCount(userId: string, now = new Date()): Promise<number> {
  return countUnread(userId, now);
}
