import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  AudienceCount,
  AudienceFilter,
  CreateOutreachSend,
  OutreachMessageView,
  OutreachMessagesQuery,
  OutreachPreview,
  OutreachPreviewRequest,
  OutreachPurpose,
  OutreachSendReport,
  OutreachSendView,
  OutreachTemplateInput,
  OutreachTemplateView,
  Page,
  PageQuery,
  UnsubscribeView,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

export interface TemplateQuery extends PageQuery {
  purpose?: OutreachPurpose;
  archived?: boolean;
}

@Injectable({ providedIn: 'root' })
export class OutreachApi {
  private readonly api = inject(ApiClient);
  private readonly paths = API_PATHS.outreach;

  templates(query: TemplateQuery): Observable<Page<OutreachTemplateView>> {
    return this.api.get<Page<OutreachTemplateView>>(
      this.paths.templates,
      query,
    );
  }

  createTemplate(
    body: OutreachTemplateInput,
  ): Observable<OutreachTemplateView> {
    return this.api.post<OutreachTemplateView>(this.paths.templates, body);
  }

  updateTemplate(
    id: string,
    body: OutreachTemplateInput,
  ): Observable<OutreachTemplateView> {
    return this.api.put<OutreachTemplateView>(this.paths.template, body, {
      pathParams: { id },
    });
  }

  archiveTemplate(id: string): Observable<OutreachTemplateView> {
    return this.api.delete<OutreachTemplateView>(this.paths.template, {
      pathParams: { id },
    });
  }

  restoreTemplate(id: string): Observable<OutreachTemplateView> {
    return this.api.post<OutreachTemplateView>(
      this.paths.restoreTemplate,
      {},
      { pathParams: { id } },
    );
  }

  /** Silent: the editor shows variable problems next to the field as you type. */
  preview(body: OutreachPreviewRequest): Observable<OutreachPreview> {
    return this.api.post<OutreachPreview>(this.paths.preview, body, {
      silent: true,
    });
  }

  audienceCount(
    templateId: string,
    audience: AudienceFilter,
  ): Observable<AudienceCount> {
    return this.api.post<AudienceCount>(
      this.paths.audienceCount,
      { templateId, audience },
      { silent: true },
    );
  }

  sends(query: PageQuery): Observable<Page<OutreachSendView>> {
    return this.api.get<Page<OutreachSendView>>(this.paths.sends, query);
  }

  /** Silent: the send dialog explains review gating and field errors itself. */
  createSend(body: CreateOutreachSend): Observable<OutreachSendView> {
    return this.api.post<OutreachSendView>(this.paths.sends, body, {
      silent: true,
    });
  }

  report(id: string): Observable<OutreachSendReport> {
    return this.api.get<OutreachSendReport>(
      this.paths.send,
      {},
      { pathParams: { id } },
    );
  }

  messages(
    id: string,
    query: OutreachMessagesQuery,
  ): Observable<Page<OutreachMessageView>> {
    return this.api.get<Page<OutreachMessageView>>(
      this.paths.sendMessages,
      query,
      { pathParams: { id } },
    );
  }

  cancel(id: string): Observable<OutreachSendView> {
    return this.api.post<OutreachSendView>(
      this.paths.cancelSend,
      {},
      { pathParams: { id } },
    );
  }

  viewUnsubscribe(token: string): Observable<UnsubscribeView> {
    return this.api.get<UnsubscribeView>(
      this.paths.unsubscribe,
      {},
      { pathParams: { token }, silent: true },
    );
  }

  unsubscribe(token: string): Observable<UnsubscribeView> {
    return this.api.post<UnsubscribeView>(
      this.paths.unsubscribe,
      {},
      { pathParams: { token }, silent: true },
    );
  }
}
