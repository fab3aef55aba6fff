import 'server-only';
import webpush from 'web-push';
import type { Executor } from '@/db/index';
import {
  claimPendingPushes,
  dropSubscription,
  onNotified,
  subscriptionsOf,
  type NotificationKind,
} from '@/db/queries/notifications';
import { PUSH_TTL_SECONDS, PUSH_URGENCY, pushPayload } from './payload';
import { openSubscription } from './subscriptions';
import { vapidKeys } from './vapid';

// One push per person and round: the most pressing of her new kinds (the push says only "open
// the app"; the centre lists each notification).
const PRIORITY: readonly NotificationKind[] = ['alarm', 'checkin_overdue', 'report_dangerous', 'message', 'buddy_request', 'warning'];
const SEND_TIMEOUT_MS = 10_000;
const PARALLEL = 8;

export interface DeliveryResult {
  sent: number;
  dropped: number;
  failed: number;
}

function mostPressing(kinds: string[]): NotificationKind | null {
  return PRIORITY.find((k) => kinds.includes(k)) ?? null;
}

/** A push service's refusal: 404 and 410 mean it no longer knows the subscription. */
class PushRefused extends Error {
  constructor(readonly status: number) {
    super(`push service answered ${status}`);
  }
}
const gone = (err: unknown) => err instanceof PushRefused && (err.status === 404 || err.status === 410);

/**
 * Sends the outbox: claims pending notifications (each claimed by exactly one sender, across
 * processes), and pushes to every subscribed device of their recipients. A subscription the push
 * service has dropped, or whose seal no longer opens, is deleted; any other failure is counted
 * and logged without the endpoint. Never throws for a push that failed.
 */
export async function deliverPendingPushes(db?: Executor): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, dropped: 0, failed: 0 };
  for (;;) {
    const claimed = await claimPendingPushes(500, db);
    if (claimed.length === 0) return result;
    const kindsOf = new Map<string, string[]>();
    for (const c of claimed) kindsOf.set(c.userId, [...(kindsOf.get(c.userId) ?? []), c.kind]);
    const jobs: (() => Promise<void>)[] = [];
    for (const row of await subscriptionsOf([...kindsOf.keys()], db)) {
      const kind = mostPressing(kindsOf.get(row.userId) ?? []);
      if (!kind) continue;
      jobs.push(async () => {
        const sub = openSubscription(row);
        if (!sub) {
          await dropSubscription(row.id, db);
          result.dropped++;
          return;
        }
        try {
          await sendPush(sub, kind);
          result.sent++;
        } catch (err) {
          if (gone(err)) {
            await dropSubscription(row.id, db);
            result.dropped++;
          } else {
            result.failed++;
            console.error(`[push] not delivered (${err instanceof PushRefused ? `status ${err.status}` : 'no answer'})`);
          }
        }
      });
    }
    for (let i = 0; i < jobs.length; i += PARALLEL) await Promise.all(jobs.slice(i, i + PARALLEL).map((job) => job()));
  }
}

/**
 * RFC 8291 encryption and the VAPID signature by `web-push`; the request itself with fetch (the
 * library's own sender speaks only https, the test push service plain http on loopback).
 */
async function sendPush(sub: { endpoint: string; keys: { p256dh: string; auth: string } }, kind: NotificationKind) {
  const vapid = vapidKeys();
  const request = webpush.generateRequestDetails(sub, pushPayload(kind), {
    vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
    TTL: PUSH_TTL_SECONDS,
    urgency: PUSH_URGENCY,
    contentEncoding: 'aes128gcm',
  });
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: request.body ? new Uint8Array(request.body) : null,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: 'error',
  });
  await response.body?.cancel();
  if (!response.ok) throw new PushRefused(response.status);
}

// --- the timer: soon after a notify(), and every 30 s for what a kick missed ---

const KICK_DELAY_MS = 500;
export const PUSH_TICK_MS = 30_000;
const state = globalThis as unknown as { __coopPush?: { timer?: NodeJS.Timeout; running: boolean; again: boolean } };

function run(): void {
  const s = (state.__coopPush ??= { running: false, again: false });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  deliverPendingPushes()
    .catch((err: unknown) => console.error('[push]', err instanceof Error ? err.message : 'failed'))
    .finally(() => {
      s.running = false;
      if (s.again) {
        s.again = false;
        run();
      }
    });
}

/** A run shortly after notify(): the writer's transaction has usually committed by then. */
function kick(): void {
  const s = (state.__coopPush ??= { running: false, again: false });
  if (s.timer) return;
  s.timer = setTimeout(() => {
    s.timer = undefined;
    run();
  }, KICK_DELAY_MS);
  s.timer.unref();
}

/** Started once by the server (lib/startup.ts). */
export function startPushDelivery(): void {
  vapidKeys(); // missing keys in production stop start-up here
  onNotified(kick);
  setInterval(run, PUSH_TICK_MS).unref();
}
