import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { messages } from '@/db/schema';
import { sendMessage, type SendInput } from '@/lib/messages/send';

// Test helpers for the messaging services: sends that must succeed, direct reads and edits of
// the stored rows (to tamper with them, age them, or fill a day's quota quickly).

export type MessageRow = typeof messages.$inferSelect;

/** sendMessage that must succeed; returns the new message's id. */
export async function send(senderId: string, input: SendInput, now?: Date): Promise<string> {
  const result = await sendMessage(senderId, input, now);
  if (!result.ok) throw new Error(`sendMessage refused: ${JSON.stringify(result)}`);
  return result.id;
}

export const direct = (senderId: string, to: string, body: string, days?: number, now?: Date) =>
  send(senderId, { kind: 'direct', to, body, ...(days === undefined ? {} : { days }) }, now);

export const warning = (senderId: string, body: string, buyer?: string, now?: Date) =>
  send(senderId, { kind: 'warning', body, ...(buyer === undefined ? {} : { buyer }) }, now);

export async function messageRow(db: Executor, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row ?? null;
}

export async function mustRow(db: Executor, id: string): Promise<MessageRow> {
  const row = await messageRow(db, id);
  if (!row) throw new Error(`no message ${id}`);
  return row;
}

export async function messageCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messages);
  return row!.n;
}

export async function setCiphertext(db: Executor, id: string, ciphertext: string) {
  await db.update(messages).set({ ciphertext }).where(eq(messages.id, id));
}

/** Sets the expiry day to the UTC day of `at` (a message is deleted on its expiry day). */
export async function setExpiry(db: Executor, id: string, at: Date) {
  await db.update(messages).set({ expiresOn: at.toISOString().slice(0, 10) }).where(eq(messages.id, id));
}

/** The first instant of an expiry day: from then on the message is hidden and purged. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Changes the first character of one part of "iv.ct.tag" (its first byte's top 6 bits: always a real change). */
export function flipPart(ciphertext: string, part: 0 | 1 | 2): string {
  const parts = ciphertext.split('.');
  const segment = parts[part]!;
  parts[part] = (segment[0] === 'A' ? 'B' : 'A') + segment.slice(1);
  return parts.join('.');
}

/** Rows inserted directly (placeholder ciphertext), sent "today", to reach the daily limit fast. */
export async function insertFillerMessages(db: Executor, senderId: string, n: number, recipientId: string | null = null) {
  for (let i = 0; i < n; i++) {
    await db.insert(messages).values(
      {
        id: randomUUID(),
        kind: recipientId ? 'direct' : 'warning',
        senderId,
        recipientId,
        keyVersion: 1,
        ciphertext: 'filler',
        expiresOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      },
    );
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
