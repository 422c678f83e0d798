import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  AnswerAccepted,
  CreateSurveyLinkRequest,
  CreateSurveyRequest,
  Page,
  PortalAnswerRequest,
  SubmitAnswerRequest,
  SurveyLinkCreated,
  SurveyLinkView,
  SurveyOffer,
  SurveyQuery,
  SurveySummary,
  UpdateSurveyRequest,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly api = inject(ApiClient);

  list(query: SurveyQuery): Observable<Page<SurveySummary>> {
    return this.api.get<Page<SurveySummary>>(API_PATHS.surveys.list, query);
  }

  create(body: CreateSurveyRequest): Observable<SurveySummary> {
    return this.api.post<SurveySummary>(API_PATHS.surveys.list, body);
  }

  update(id: string, body: UpdateSurveyRequest): Observable<SurveySummary> {
    return this.api.patch<SurveySummary>(API_PATHS.surveys.byId, body, {
      pathParams: { id },
    });
  }

  /** Silent: the page explains a refusal (responses exist) in its own words. */
  remove(id: string): Observable<void> {
    return this.api.delete<void>(API_PATHS.surveys.byId, {
      pathParams: { id },
      silent: true,
    });
  }

  startWave(id: string): Observable<SurveySummary> {
    return this.api.post<SurveySummary>(API_PATHS.surveys.waves, null, {
      pathParams: { id },
    });
  }

  createLink(
    id: string,
    body: CreateSurveyLinkRequest,
  ): Observable<SurveyLinkCreated> {
    return this.api.post<SurveyLinkCreated>(API_PATHS.surveys.links, body, {
      pathParams: { id },
    });
  }

  /** Silent: no offer or a failed one simply shows no card. */
  offer(): Observable<SurveyOffer> {
    return this.api.get<SurveyOffer>(
      API_PATHS.surveys.offer,
      {},
      { silent: true },
    );
  }

  /** Silent: the card shows "already answered" and throttling itself. */
  answer(body: PortalAnswerRequest): Observable<AnswerAccepted> {
    return this.api.post<AnswerAccepted>(API_PATHS.surveys.answers, body, {
      silent: true,
    });
  }

  /** Silent: the public page turns 404 and 409 into its own states. */
  viewLink(token: string): Observable<SurveyLinkView> {
    return this.api.get<SurveyLinkView>(
      API_PATHS.surveyLinks.byToken,
      {},
      { pathParams: { token }, silent: true },
    );
  }

  answerLink(
    token: string,
    body: SubmitAnswerRequest,
  ): Observable<AnswerAccepted> {
    return this.api.post<AnswerAccepted>(API_PATHS.surveyLinks.byToken, body, {
      pathParams: { token },
      silent: true,
    });
  }
}
