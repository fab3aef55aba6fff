import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

export const messageKind = pgEnum('message_kind', ['direct', 'warning']);

/**
 * Seller-to-seller messages and warnings. The body (and a warning's buyer pseudonym) exist only
 * as AES-256-GCM ciphertext bound to the row, its kind, sender and recipient; a warning's buyer is findable only through a
 * keyed hash. Rows are deleted (not flagged) when they expire.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    /** Order within a conversation, without storing when a message was sent. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    kind: messageKind('kind').notNull(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => users.id, { onDelete: 'cascade' }),
    /** HMAC of the named buyer's canonical pseudonym (warnings only). */
    buyerRef: text('buyer_ref'),
    keyVersion: integer('key_version').notNull(),
    /**
     * What the ciphertext is bound to: 1 = the row id only (older rows), 2 = id, kind, sender and
     * recipient (or the board), so a ciphertext moved to another row or person no longer opens.
     * `npm run rotate-keys` re-seals version 1 rows.
     */
    aadVersion: integer('aad_version').notNull().default(1),
    ciphertext: text('ciphertext').notNull(),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    /** The day the purge deletes it (UTC): a date, never a time of day. */
    expiresOn: date('expires_on').notNull(),
    read: boolean('read').notNull().default(false),
  },
  (t) => [
    index('messages_recipient_idx').on(t.recipientId, t.read),
    index('messages_sender_idx').on(t.senderId, t.createdOn),
    index('messages_kind_idx').on(t.kind, t.expiresOn),
    index('messages_buyer_ref_idx').on(t.buyerRef),
    index('messages_expires_idx').on(t.expiresOn),
  ],
);
