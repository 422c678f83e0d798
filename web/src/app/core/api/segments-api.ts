import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  SegmentMovement,
  SegmentMovementQuery,
  SegmentRecomputeQueued,
  SegmentRules,
  SegmentRulesPreview,
  SegmentRulesView,
  SegmentSizes,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly api = inject(ApiClient);

  sizes(): Observable<SegmentSizes> {
    return this.api.get<SegmentSizes>(API_PATHS.segments.sizes);
  }

  movement(query: SegmentMovementQuery): Observable<SegmentMovement> {
    return this.api.get<SegmentMovement>(API_PATHS.segments.movement, query);
  }

  rules(): Observable<SegmentRulesView> {
    return this.api.get<SegmentRulesView>(API_PATHS.segments.rules);
  }

  saveRules(rules: SegmentRules): Observable<SegmentRulesView> {
    return this.api.put<SegmentRulesView>(API_PATHS.segments.rules, rules);
  }

  /** Silent: the editor shows a failed preview itself, next to the form. */
  preview(rules: SegmentRules): Observable<SegmentRulesPreview> {
    return this.api.post<SegmentRulesPreview>(
      API_PATHS.segments.preview,
      rules,
      { silent: true },
    );
  }

  recompute(): Observable<SegmentRecomputeQueued> {
    return this.api.post<SegmentRecomputeQueued>(API_PATHS.segments.recompute);
  }
}
