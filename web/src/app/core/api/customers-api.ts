import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  CreateCustomerRequest,
  CustomerDetail,
  CustomerQuery,
  CustomerSummary,
  Page,
  UpdateCustomerRequest,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly api = inject(ApiClient);

  list(query: CustomerQuery): Observable<Page<CustomerSummary>> {
    return this.api.get<Page<CustomerSummary>>(API_PATHS.customers.list, query);
  }

  get(id: string): Observable<CustomerDetail> {
    return this.api.get<CustomerDetail>(
      API_PATHS.customers.byId,
      {},
      { pathParams: { id } },
    );
  }

  create(body: CreateCustomerRequest): Observable<CustomerDetail> {
    return this.api.post<CustomerDetail>(API_PATHS.customers.list, body);
  }

  update(id: string, body: UpdateCustomerRequest): Observable<CustomerDetail> {
    return this.api.patch<CustomerDetail>(API_PATHS.customers.byId, body, {
      pathParams: { id },
    });
  }
}
