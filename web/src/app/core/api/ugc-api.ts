import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  BulkModerateRequest,
  BulkModerateResult,
  ModerateRequest,
  Page,
  PageQuery,
  PublicShowcase,
  UgcCampaignRequest,
  UgcCampaignSummary,
  UgcMetrics,
  UgcModerationItem,
  UgcModerationQuery,
  UgcOpenCampaign,
  UgcShowcaseRequest,
  UgcShowcaseSummary,
  UgcSubmissionView,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class UgcApi {
  private readonly api = inject(ApiClient);

  campaigns(query: PageQuery): Observable<Page<UgcCampaignSummary>> {
    return this.api.get<Page<UgcCampaignSummary>>(
      API_PATHS.ugc.campaigns,
      query,
    );
  }

  createCampaign(body: UgcCampaignRequest): Observable<UgcCampaignSummary> {
    return this.api.post<UgcCampaignSummary>(API_PATHS.ugc.campaigns, body, {
      silent: true,
    });
  }

  updateCampaign(
    id: string,
    body: UgcCampaignRequest,
  ): Observable<UgcCampaignSummary> {
    return this.api.put<UgcCampaignSummary>(API_PATHS.ugc.campaign, body, {
      pathParams: { id },
      silent: true,
    });
  }

  openCampaigns(): Observable<UgcOpenCampaign[]> {
    return this.api.get<UgcOpenCampaign[]>(API_PATHS.ugc.openCampaigns);
  }

  /** Fields and up to four `images` as multipart; the caller shows field errors itself. */
  submit(form: FormData): Observable<UgcSubmissionView> {
    return this.api.upload<UgcSubmissionView>(
      API_PATHS.ugc.submissions,
      form,
      {},
      { silent: true },
    );
  }

  mine(query: PageQuery): Observable<Page<UgcSubmissionView>> {
    return this.api.get<Page<UgcSubmissionView>>(API_PATHS.ugc.mine, query);
  }

  revokeConsent(id: string): Observable<UgcSubmissionView> {
    return this.api.post<UgcSubmissionView>(
      API_PATHS.ugc.revokeConsent,
      {},
      { pathParams: { id } },
    );
  }

  linkCampaign(token: string): Observable<UgcOpenCampaign> {
    return this.api.get<UgcOpenCampaign>(
      API_PATHS.ugc.link,
      {},
      { pathParams: { token }, silent: true },
    );
  }

  submitLink(
    token: string,
    form: FormData,
  ): Observable<{ id: string; status: 'pending' }> {
    return this.api.upload<{ id: string; status: 'pending' }>(
      API_PATHS.ugc.link,
      form,
      {},
      { pathParams: { token }, silent: true },
    );
  }

  queue(query: UgcModerationQuery): Observable<Page<UgcModerationItem>> {
    return this.api.get<Page<UgcModerationItem>>(
      API_PATHS.ugc.moderation,
      query,
    );
  }

  moderate(id: string, body: ModerateRequest): Observable<UgcModerationItem> {
    return this.api.post<UgcModerationItem>(API_PATHS.ugc.moderate, body, {
      pathParams: { id },
    });
  }

  bulk(body: BulkModerateRequest): Observable<BulkModerateResult> {
    return this.api.post<BulkModerateResult>(API_PATHS.ugc.bulk, body);
  }

  revokeConsentForSubmitter(id: string): Observable<UgcModerationItem> {
    return this.api.post<UgcModerationItem>(
      API_PATHS.ugc.staffRevokeConsent,
      {},
      { pathParams: { id } },
    );
  }

  tags(id: string, tags: string[]): Observable<UgcModerationItem> {
    return this.api.put<UgcModerationItem>(
      API_PATHS.ugc.tags,
      { tags },
      { pathParams: { id } },
    );
  }

  excerpt(id: string, excerpt: string | null): Observable<UgcModerationItem> {
    return this.api.put<UgcModerationItem>(
      API_PATHS.ugc.excerpt,
      { excerpt },
      { pathParams: { id } },
    );
  }

  showcases(query: PageQuery): Observable<Page<UgcShowcaseSummary>> {
    return this.api.get<Page<UgcShowcaseSummary>>(
      API_PATHS.ugc.showcases,
      query,
    );
  }

  saveShowcase(
    id: string | null,
    body: UgcShowcaseRequest,
  ): Observable<UgcShowcaseSummary> {
    return id
      ? this.api.put<UgcShowcaseSummary>(API_PATHS.ugc.showcase, body, {
          pathParams: { id },
          silent: true,
        })
      : this.api.post<UgcShowcaseSummary>(API_PATHS.ugc.showcases, body, {
          silent: true,
        });
  }

  publicShowcase(slug: string): Observable<PublicShowcase> {
    return this.api.get<PublicShowcase>(
      API_PATHS.ugc.publicShowcase,
      {},
      { pathParams: { slug }, silent: true },
    );
  }

  metrics(weeks: number): Observable<UgcMetrics> {
    return this.api.get<UgcMetrics>(API_PATHS.ugc.metrics, { weeks });
  }
}
