import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  deleteSubscriptionByEndpoint,
  isSubscribed,
  saveSubscription,
  type StoredSubscription,
} from '@/db/queries/notifications';
import { open, seal } from '@/lib/crypto';
import { keyedHash, purposeKey } from '@/lib/keys';

/** What a browser's PushSubscription.toJSON() gives, and nothing else (strict). */
export const subscriptionSchema = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
        p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/),
        auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/),
      })
      .strict(),
  })
  .strict();

export type PushSubscriptionJson = z.infer<typeof subscriptionSchema>;

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
