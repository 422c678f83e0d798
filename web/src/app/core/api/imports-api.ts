import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  ImportJobSummary,
  ImportKindName,
  ImportQuery,
  Page,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly api = inject(ApiClient);

  /** Silent: the page shows 400/413/415 next to the file picker. */
  upload(kind: ImportKindName, file: File): Observable<ImportJobSummary> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.api.upload<ImportJobSummary>(
      API_PATHS.imports.list,
      form,
      { kind },
      { silent: true },
    );
  }

  list(query: ImportQuery): Observable<Page<ImportJobSummary>> {
    return this.api.get<Page<ImportJobSummary>>(API_PATHS.imports.list, query);
  }

  /** Silent: a failed poll is retried on the next tick rather than announced every second. */
  get(id: string): Observable<ImportJobSummary> {
    return this.api.get<ImportJobSummary>(
      API_PATHS.imports.byId,
      {},
      { pathParams: { id }, silent: true },
    );
  }

  errorsCsv(id: string): Observable<Blob> {
    return this.api.download(
      API_PATHS.imports.errors,
      {},
      { pathParams: { id } },
    );
  }
}
