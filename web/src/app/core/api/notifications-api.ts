import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  NotificationPage,
  NotificationView,
  PageQuery,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly api = inject(ApiClient);

  /** Polled in the background, so failures stay quiet. */
  list(query: PageQuery): Observable<NotificationPage> {
    return this.api.get(API_PATHS.notifications.list, query, { silent: true });
  }

  markRead(id: string): Observable<NotificationView> {
    return this.api.post(
      API_PATHS.notifications.read,
      {},
      { pathParams: { id }, silent: true },
    );
  }

  markAllRead(): Observable<{ updated: number }> {
    return this.api.post(API_PATHS.notifications.readAll, {});
  }
}
