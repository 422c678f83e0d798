import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  EventInboxItem,
  EventInboxPage,
  EventInboxQuery,
  MyReferralView,
  Page,
  PageQuery,
  ReferralDecisionRequest,
  ReferralListQuery,
  ReferralStats,
  ReferralStatus,
  ReferralView,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

export interface ReferralDecision {
  id: string;
  status: ReferralStatus;
}

/** Referred friends, the fraud review queue and programme stats. */
@Injectable({ providedIn: 'root' })
export class ReferralEventsApi {
  private readonly api = inject(ApiClient);
  private readonly paths = API_PATHS.referralEvents;

  list(query: ReferralListQuery): Observable<Page<ReferralView>> {
    return this.api.get<Page<ReferralView>>(this.paths.list, query);
  }

  reviews(query: PageQuery): Observable<Page<ReferralView>> {
    return this.api.get<Page<ReferralView>>(this.paths.reviews, query);
  }

  stats(): Observable<ReferralStats> {
    return this.api.get<ReferralStats>(this.paths.stats);
  }

  mine(query: PageQuery): Observable<Page<MyReferralView>> {
    return this.api.get<Page<MyReferralView>>(this.paths.mine, query);
  }

  approve(
    id: string,
    body: ReferralDecisionRequest,
  ): Observable<ReferralDecision> {
    return this.api.post<ReferralDecision>(this.paths.approve, body, {
      pathParams: { id },
    });
  }

  reject(
    id: string,
    body: ReferralDecisionRequest,
  ): Observable<ReferralDecision> {
    return this.api.post<ReferralDecision>(this.paths.reject, body, {
      pathParams: { id },
    });
  }

  inbox(query: EventInboxQuery): Observable<EventInboxPage> {
    return this.api.get<EventInboxPage>(this.paths.inbox, query);
  }

  retryEvent(id: string): Observable<EventInboxItem> {
    return this.api.post<EventInboxItem>(
      this.paths.inboxRetry,
      {},
      { pathParams: { id } },
    );
  }
}
