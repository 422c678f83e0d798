import { Page } from './pagination';

export const NOTIFICATION_PATHS = {
  list: 'notifications',
  read: 'notifications/:id/read',
  readAll: 'notifications/read-all',
} as const;

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A portal path such as /advocate/ambassador/…; never an outside URL. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}
