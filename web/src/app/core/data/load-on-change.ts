import { Signal, computed, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, switchMap, tap } from 'rxjs';

export interface Loaded<T> {
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  readonly failed: Signal<boolean>;
  /** Loads the current query again, e.g. after a change made elsewhere on the page. */
  reload(): void;
}

/**
 * Reloads whenever `query` changes, cancelling the request in flight; keeps the last value while
 * loading so tables do not flash empty. Must be called in an injection context.
 */
export function loadOnChange<Q, T>(
  query: Signal<Q>,
  load: (query: Q) => Observable<T>,
): Loaded<T> {
  const loading = signal(true);
  const failed = signal(false);
  const reloads = signal(0);
  const trigger = computed(() => ({ query: query(), reload: reloads() }));
  let last: T | null = null;

  const value = toSignal(
    toObservable(trigger).pipe(
      tap(() => loading.set(true)),
      switchMap(({ query: current }) =>
        load(current).pipe(
          map((result) => ({ result, ok: true })),
          catchError(() => of({ result: last, ok: false })),
        ),
      ),
      tap(({ result, ok }) => {
        last = result;
        loading.set(false);
        failed.set(!ok);
      }),
      map(({ result }) => result),
    ),
    { initialValue: null },
  );

  return {
    value,
    loading: loading.asReadonly(),
    failed: failed.asReadonly(),
    reload: () => reloads.update((count) => count + 1),
  };
}
