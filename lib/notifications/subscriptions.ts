import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  deleteSubscriptionByEndpoint,
  isSubscribed,
  saveSubscription,
  type StoredSubscription,
} from '@/db/queries/notifications';
import { open, seal } from '@/lib/crypto';
import { keyedHash, purposeKey } from '@/lib/keys';

import type { PushSubscriptionBody } from '@/lib/api-bodies';

/** What a browser's PushSubscription.toJSON() gives (lib/api-bodies.ts checks it strictly). */
export type PushSubscriptionJson = PushSubscriptionBody;

export interface DeviceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const aad = (id: string, userId: string) => ['push/v1', id, userId].join('\0');

export function endpointHash(endpoint: string): string {
  return keyedHash('push-endpoint', endpoint);
}

/** Seals the subscription to its row and owner and stores it; returns the row id. */
export async function subscribeDevice(userId: string, sub: PushSubscriptionJson): Promise<string> {
  const id = randomUUID();
  const body: DeviceSubscription = { endpoint: sub.endpoint, keys: { p256dh: sub.keys.p256dh, auth: sub.keys.auth } };
  const sealed = seal(purposeKey('push-subscription'), JSON.stringify(body), aad(id, userId));
  await saveSubscription({ id, userId, endpointHash: endpointHash(sub.endpoint), sealed });
  return id;
}

export async function unsubscribeDevice(userId: string, endpoint: string): Promise<boolean> {
  return deleteSubscriptionByEndpoint(userId, endpointHash(endpoint));
}

export async function deviceIsSubscribed(userId: string, endpoint: string): Promise<boolean> {
  return isSubscribed(userId, endpointHash(endpoint));
}

/** The device's subscription, or null when the seal does not open (moved, tampered, other key). */
export function openSubscription(row: StoredSubscription): DeviceSubscription | null {
  const text = open(purposeKey('push-subscription'), row.sealed, aad(row.id, row.userId));
  if (text === null) return null;
  try {
    return JSON.parse(text) as DeviceSubscription;
  } catch {
    return null;
  }
}
