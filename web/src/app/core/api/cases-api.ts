import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  CaseDetail,
  CaseListQuery,
  CaseNote,
  CaseOwnerOption,
  CaseStats,
  CaseStatsQuery,
  CaseSummary,
  MoveCaseRequest,
  Page,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly api = inject(ApiClient);

  list(query: CaseListQuery): Observable<Page<CaseSummary>> {
    return this.api.get<Page<CaseSummary>>(API_PATHS.cases.list, query);
  }

  get(id: string): Observable<CaseDetail> {
    return this.api.get<CaseDetail>(
      API_PATHS.cases.byId,
      {},
      { pathParams: { id } },
    );
  }

  move(id: string, body: MoveCaseRequest): Observable<CaseSummary> {
    return this.api.put<CaseSummary>(API_PATHS.cases.move, body, {
      pathParams: { id },
      silent: true,
    });
  }

  assign(id: string, ownerId: string | null): Observable<CaseSummary> {
    return this.api.put<CaseSummary>(
      API_PATHS.cases.assign,
      { ownerId },
      { pathParams: { id } },
    );
  }

  assignToMe(id: string): Observable<CaseSummary> {
    return this.api.post<CaseSummary>(
      API_PATHS.cases.assignToMe,
      {},
      { pathParams: { id } },
    );
  }

  addNote(id: string, body: string): Observable<CaseNote> {
    return this.api.post<CaseNote>(
      API_PATHS.cases.notes,
      { body },
      { pathParams: { id }, silent: true },
    );
  }

  owners(): Observable<CaseOwnerOption[]> {
    return this.api.get<CaseOwnerOption[]>(API_PATHS.cases.owners);
  }

  stats(query: CaseStatsQuery): Observable<CaseStats> {
    return this.api.get<CaseStats>(API_PATHS.cases.stats, query);
  }
}
