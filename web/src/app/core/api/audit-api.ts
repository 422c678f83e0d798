import { Injectable, inject } from '@angular/core';
import { API_PATHS, AuditEntry, AuditQuery, Page } from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly api = inject(ApiClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.api.get<Page<AuditEntry>>(API_PATHS.audit.list, query);
  }

  actions(): Observable<string[]> {
    return this.api.get<string[]>(API_PATHS.audit.actions);
  }
}
