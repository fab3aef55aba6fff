import { describe, expect, it } from 'vitest';
import { pushBody } from '@/lib/api-bodies';

const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
const subscription = { endpoint: 'https://push.example/abc', expirationTime: null, keys };

describe('the push subscription body', () => {
  it("accepts a browser's PushSubscription.toJSON() and the two endpoint actions", () => {
    expect(pushBody.safeParse({ action: 'subscribe', subscription }).success).toBe(true);
    expect(pushBody.safeParse({ action: 'unsubscribe', endpoint: subscription.endpoint }).success).toBe(true);
    expect(pushBody.safeParse({ action: 'status', endpoint: subscription.endpoint }).success).toBe(true);
  });

  it('refuses extra fields anywhere, other schemes, malformed keys and unknown actions', () => {
    const bad = [
      { action: 'subscribe', subscription, userId: 'x' },
      { action: 'subscribe', subscription: { ...subscription, device: 'phone' } },
      { action: 'subscribe', subscription: { ...subscription, keys: { ...keys, extra: '1' } } },
      { action: 'subscribe', subscription: { ...subscription, endpoint: 'javascript:alert(1)' } },
      { action: 'subscribe', subscription: { ...subscription, endpoint: 'ftp://push.example/a' } },
      { action: 'subscribe', subscription: { ...subscription, keys: { ...keys, p256dh: 'short' } } },
      { action: 'subscribe', subscription: { ...subscription, keys: { ...keys, auth: 'not base64!' } } },
      { action: 'subscribe', subscription: { ...subscription, endpoint: `https://push.example/${'a'.repeat(2100)}` } },
      { action: 'unsubscribe', endpoint: 'not a url' },
      { action: 'delete-everyone' },
      'subscribe',
      null,
    ];
    for (const body of bad) expect(pushBody.safeParse(body).success, JSON.stringify(body)?.slice(0, 80)).toBe(false);
  });
});
