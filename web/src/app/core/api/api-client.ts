import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl } from '@advocacy/shared';
import { Observable } from 'rxjs';
import { SILENT_ERRORS } from './api-context';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Values for the `:name` placeholders of the path pattern. */
  pathParams?: Record<string, string>;
  /** The caller handles every failure itself, so no snackbar is shown. */
  silent?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** Thin typed wrapper over HttpClient; path patterns come from `API_PATHS` in the feature APIs. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(
    path: string,
    query: object = {},
    options: RequestOptions = {},
  ): Observable<T> {
    return this.http.get<T>(apiUrl(path, options.pathParams), {
      params: toParams(query),
      context: contextOf(options),
    });
  }

  post<T>(
    path: string,
    body: unknown = null,
    options: RequestOptions = {},
  ): Observable<T> {
    return this.http.post<T>(apiUrl(path, options.pathParams), body, {
      context: contextOf(options),
      headers: options.headers,
    });
  }

  patch<T>(
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Observable<T> {
    return this.http.patch<T>(apiUrl(path, options.pathParams), body, {
      context: contextOf(options),
    });
  }

  put<T>(
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Observable<T> {
    return this.http.put<T>(apiUrl(path, options.pathParams), body, {
      context: contextOf(options),
    });
  }

  /** A multipart upload; the browser sets the boundary, so no content type is given here. */
  upload<T>(
    path: string,
    form: FormData,
    query: object = {},
    options: RequestOptions = {},
  ): Observable<T> {
    return this.http.post<T>(apiUrl(path, options.pathParams), form, {
      params: toParams(query),
      context: contextOf(options),
    });
  }

  delete<T>(path: string, options: RequestOptions = {}): Observable<T> {
    return this.http.delete<T>(apiUrl(path, options.pathParams), {
      context: contextOf(options),
    });
  }

  /** A file answer (CSV export); the auth header still applies, which a plain link could not carry. */
  download(
    path: string,
    query: object = {},
    options: RequestOptions = {},
  ): Observable<Blob> {
    return this.http.get(apiUrl(path, options.pathParams), {
      params: toParams(query),
      context: contextOf(options),
      responseType: 'blob',
    });
  }
}

/** Empty filters are left out so the server applies its defaults. */
function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === null || value === undefined || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}

function contextOf(options: RequestOptions): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, options.silent ?? false);
}
