import 'server-only';
import { and, count, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { notifications, pushSubscriptions } from '../schema';

export type NotificationKind = 'warning' | 'message' | 'buddy_request' | 'checkin_overdue' | 'alarm' | 'report_dangerous';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['warning', 'message', 'buddy_request', 'checkin_overdue', 'alarm', 'report_dangerous'];

/** Days a notification is kept (the periodic job deletes older ones). */
export const NOTIFICATION_DAYS = 30;

// The push sender registers here (lib/notifications/delivery.ts): notify() asks it to look at
// the outbox soon after the caller's transaction has had time to commit. On globalThis: Next
// bundles instrumentation and routes separately.
const hook = globalThis as unknown as { __coopPushKick?: () => void };

/** Called by the push sender at start-up; notify() calls it after writing. */
export function onNotified(kick: (() => void) | undefined): void {
  hook.__coopPushKick = kick;
}

/**
 * In-app notifications for these people, in the caller's transaction when one is passed. Push
 * to their devices goes out after commit: each row is an outbox entry (`push_pending`) that one
 * sender claims. Names nobody but the recipient; carries no text.
 */
export async function notify(userIds: readonly string[], kind: NotificationKind, db: Executor = getDb()): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db.insert(notifications).values(unique.map((userId) => ({ userId, kind })));
  hook.__coopPushKick?.();
}

/** Every seller but one (a new warning on the board: everyone but its author), in one statement. */
export async function notifyAllSellers(exceptUserId: string, kind: NotificationKind, db: Executor = getDb()): Promise<void> {
  await db.execute(sql`
    insert into notifications (user_id, kind) select id, ${kind} from users where role = 'seller' and id <> ${exceptUserId}`);
  hook.__coopPushKick?.();
}

export async function unseenCount(userId: string, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.seen, false)));
  return Number(row?.n ?? 0);
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  createdOn: string;
  seen: boolean;
}

/** Her own notifications, newest first. */
export async function listNotifications(userId: string, limit = 100, db: Executor = getDb()): Promise<NotificationRow[]> {
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, createdOn: notifications.createdOn, seen: notifications.seen })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdOn), notifications.seen, desc(notifications.id))
    .limit(limit);
  return rows.filter((r) => (NOTIFICATION_KINDS as readonly string[]).includes(r.kind)) as NotificationRow[];
}

/** Marks all of her notifications seen (another person's rows are never touched). */
export async function markAllSeen(userId: string, db: Executor = getDb()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ seen: true })
    .where(and(eq(notifications.userId, userId), eq(notifications.seen, false)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Deletes one of her notifications. */
export async function deleteNotification(userId: string, id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Deletes notifications written more than NOTIFICATION_DAYS ago. */
export async function purgeOldNotifications(db: Executor = getDb()): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(lt(notifications.createdOn, sql`current_date - ${NOTIFICATION_DAYS}::int`))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Claims up to `limit` outbox rows in one statement: rows another sender holds are skipped, and a
 * claimed row is no longer pending once this commits, so no push goes out twice. A sender that
 * dies after the claim loses those pushes (the in-app notification stays): at most once.
 * Returns each recipient with the kinds to push, without duplicates.
 */
export async function claimPendingPushes(limit = 500, db: Executor = getDb()): Promise<{ userId: string; kind: string }[]> {
  return queryRows<{ userId: string; kind: string }>(
    db,
    sql`
    with claimed as (
      update notifications set push_pending = false
      where id in (select id from notifications where push_pending for update skip locked limit ${limit})
      returning user_id, kind)
    select distinct user_id::text as "userId", kind from claimed`,
  );
}

export async function hasPendingPushes(db: Executor = getDb()): Promise<boolean> {
  const rows = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.pushPending, true)).limit(1);
  return rows.length > 0;
}

// --- push subscriptions (sealed by lib/notifications/subscriptions.ts) ---

export interface StoredSubscription {
  id: string;
  userId: string;
  sealed: string;
}

/** Push devices per person; a new one beyond replaces her oldest. */
export const MAX_DEVICES = 10;

/**
 * Stores a device's subscription for this person. A device already subscribed (same endpoint,
 * perhaps for someone who has used the phone before) moves to her with a new seal and id.
 */
export async function saveSubscription(
  values: { id: string; userId: string; endpointHash: string; sealed: string },
  db: Executor = getDb(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.endpointHash, values.endpointHash));
    await tx.insert(pushSubscriptions).values(values);
    // At most MAX_DEVICES per person: a new device replaces the oldest beyond that.
    await tx.execute(sql`
      delete from push_subscriptions where id in (
        select id from push_subscriptions where user_id = ${values.userId} and id <> ${values.id}
        order by created_on desc offset ${MAX_DEVICES - 1})`);
  });
}

export async function subscriptionsOf(userIds: readonly string[], db: Executor = getDb()): Promise<StoredSubscription[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId, sealed: pushSubscriptions.sealed })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, [...userIds]));
}

/** Whether this device (by its endpoint's keyed hash) is subscribed for her. */
export async function isSubscribed(userId: string, endpointHash: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpointHash, endpointHash)));
  return rows.length > 0;
}

export async function deleteSubscriptionByEndpoint(userId: string, endpointHash: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpointHash, endpointHash)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** One of her devices by row id (the sign-out of that device). */
export async function deleteSubscription(userId: string, id: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** A subscription the push service has given up (404/410) or that no longer opens. */
export async function dropSubscription(id: string, db: Executor = getDb()): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

/** Every device's subscription of hers, or every one but `keepId` (this device's). */
export async function deleteAllSubscriptions(userId: string, db: Executor = getDb(), keepId: string | null = null): Promise<number> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), keepId ? ne(pushSubscriptions.id, keepId) : undefined))
    .returning({ id: pushSubscriptions.id });
  return rows.length;
}

export async function countSubscriptions(userId: string, db: Executor = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return Number(row?.n ?? 0);
}

/** Alarm and overdue check-in notifications of days before the safety purge's cut-off. */
export async function purgeSafetyNotifications(before: Date, db: Executor = getDb()): Promise<void> {
  await db.execute(sql`
    delete from notifications where kind in ('alarm', 'checkin_overdue') and created_on < ${before.toISOString().slice(0, 10)}::date`);
}
