import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  CreateWebhookEndpointRequest,
  Page,
  PageQuery,
  RotateWebhookSecretRequest,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDetail,
  WebhookDeliveryQuery,
  WebhookDeliverySummary,
  WebhookEndpointSummary,
  WebhookEndpointWithSecret,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly api = inject(ApiClient);

  list(query: PageQuery): Observable<Page<WebhookEndpointSummary>> {
    return this.api.get<Page<WebhookEndpointSummary>>(
      API_PATHS.webhooks.endpoints,
      query,
    );
  }

  get(id: string): Observable<WebhookEndpointSummary> {
    return this.api.get<WebhookEndpointSummary>(
      API_PATHS.webhooks.endpoint,
      {},
      { pathParams: { id } },
    );
  }

  /** Field errors are shown on the form, so the global snackbar stays quiet. */
  create(
    body: CreateWebhookEndpointRequest,
  ): Observable<WebhookEndpointWithSecret> {
    return this.api.post<WebhookEndpointWithSecret>(
      API_PATHS.webhooks.endpoints,
      body,
      { silent: true },
    );
  }

  update(
    id: string,
    body: UpdateWebhookEndpointRequest,
  ): Observable<WebhookEndpointSummary> {
    return this.api.patch<WebhookEndpointSummary>(
      API_PATHS.webhooks.endpoint,
      body,
      { pathParams: { id } },
    );
  }

  remove(id: string): Observable<void> {
    return this.api.delete<void>(API_PATHS.webhooks.endpoint, {
      pathParams: { id },
    });
  }

  rotate(
    id: string,
    body: RotateWebhookSecretRequest,
  ): Observable<WebhookEndpointWithSecret> {
    return this.api.post<WebhookEndpointWithSecret>(
      API_PATHS.webhooks.rotate,
      body,
      { pathParams: { id } },
    );
  }

  sendTest(id: string): Observable<WebhookDeliverySummary> {
    return this.api.post<WebhookDeliverySummary>(
      API_PATHS.webhooks.test,
      {},
      { pathParams: { id } },
    );
  }

  deliveries(
    id: string,
    query: WebhookDeliveryQuery,
  ): Observable<Page<WebhookDeliverySummary>> {
    return this.api.get<Page<WebhookDeliverySummary>>(
      API_PATHS.webhooks.deliveries,
      query,
      { pathParams: { id } },
    );
  }

  delivery(id: string): Observable<WebhookDeliveryDetail> {
    return this.api.get<WebhookDeliveryDetail>(
      API_PATHS.webhooks.delivery,
      {},
      { pathParams: { id } },
    );
  }

  replay(id: string): Observable<WebhookDeliverySummary> {
    return this.api.post<WebhookDeliverySummary>(
      API_PATHS.webhooks.replay,
      {},
      { pathParams: { id } },
    );
  }
}
