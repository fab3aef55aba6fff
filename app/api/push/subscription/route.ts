import { pushBody } from '@/lib/api-bodies';
import { apiOk, beginPost, withDatabaseFaults } from '@/lib/api';
import { forgetPushDevice, rememberPushDevice } from '@/lib/notifications/push-cookie';
import { deviceIsSubscribed, subscribeDevice, unsubscribeDevice } from '@/lib/notifications/subscriptions';

export const dynamic = 'force-dynamic';

const ROLES = ['seller', 'buyer', 'coordinator'] as const;

/**
 * This device's Web Push subscription, for any signed-in person:
 * `{ action: "subscribe", subscription: PushSubscription.toJSON() }` stores it sealed (201),
 * `{ action: "unsubscribe", endpoint }` deletes it, `{ action: "status", endpoint }` says whether
 * it is on for her. The browser's own subscription is made and dropped by the page's script.
 */
async function post(request: Request) {
  const start = await beginPost(request, ROLES, pushBody);
  if ('response' in start) return start.response;
  const { user, body } = start;
  if (body.action === 'subscribe') {
    await rememberPushDevice(await subscribeDevice(user.id, body.subscription));
    return apiOk({ subscribed: true }, 201);
  }
  if (body.action === 'unsubscribe') {
    await unsubscribeDevice(user.id, body.endpoint);
    await forgetPushDevice();
    return apiOk({ subscribed: false });
  }
  return apiOk({ subscribed: await deviceIsSubscribed(user.id, body.endpoint) });
}

export const POST = withDatabaseFaults(post);
