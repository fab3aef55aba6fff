import type { NotificationKind } from '@/db/queries/notifications';

/** Where each kind of notification takes her: the page where the thing happened. */
export const NOTIFICATION_LINKS: Record<NotificationKind, string> = {
  warning: '/seller/warnings',
  message: '/seller/messages',
  buddy_request: '/seller/safety/buddies',
  checkin_overdue: '/seller/safety',
  alarm: '/seller/safety',
  report_dangerous: '/seller/reports',
};
