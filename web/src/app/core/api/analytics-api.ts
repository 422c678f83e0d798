import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  AnalyticsQuery,
  CsatTrend,
  NpsTrend,
  Page,
  ScoreDistribution,
  Verbatim,
  VerbatimQuery,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly api = inject(ApiClient);

  nps(query: AnalyticsQuery): Observable<NpsTrend> {
    return this.api.get<NpsTrend>(API_PATHS.analytics.nps, query);
  }

  distribution(query: AnalyticsQuery): Observable<ScoreDistribution> {
    return this.api.get<ScoreDistribution>(
      API_PATHS.analytics.distribution,
      query,
    );
  }

  csat(query: AnalyticsQuery): Observable<CsatTrend> {
    return this.api.get<CsatTrend>(API_PATHS.analytics.csat, query);
  }

  verbatims(query: VerbatimQuery): Observable<Page<Verbatim>> {
    return this.api.get<Page<Verbatim>>(API_PATHS.analytics.verbatims, query);
  }

  npsCsv(query: AnalyticsQuery): Observable<Blob> {
    return this.api.download(API_PATHS.analytics.npsCsv, query);
  }

  verbatimsCsv(query: VerbatimQuery): Observable<Blob> {
    return this.api.download(API_PATHS.analytics.verbatimsCsv, query);
  }
}
