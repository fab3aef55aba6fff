import 'server-only';
import { countSubscriptions, listNotifications } from '@/db/queries/notifications';

/** Her notifications (kind, day, seen) and how many of her devices receive push, for her own export. */
export async function notificationsExport(userId: string) {
  const [items, devices] = await Promise.all([listNotifications(userId, 10_000), countSubscriptions(userId)]);
  return {
    items: items.map((n) => ({ kind: n.kind, createdOn: n.createdOn, seen: n.seen })),
    pushDevices: devices,
    pushNote: 'Each device’s push address is stored encrypted; turning push off on the device, or signing out there, deletes it.',
  };
}
