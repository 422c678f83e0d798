import { Signal, computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DEFAULT_SEGMENT_RULES } from '@advocacy/shared';
import { catchError, map, of } from 'rxjs';
import { SegmentsApi } from '../../../core/api/segments-api';

export interface SegmentOption {
  key: string;
  name: string;
}

const DEFAULT_OPTIONS: SegmentOption[] = DEFAULT_SEGMENT_RULES.segments.map(
  ({ key, name }) => ({ key, name }),
);

/** The brand's named segments, in rule order; the defaults stand in until (or if) they cannot be loaded. */
export function segmentOptions(api: SegmentsApi): Signal<SegmentOption[]> {
  const loaded = toSignal(
    api.sizes().pipe(
      map((sizes) => sizes.segments.map(({ key, name }) => ({ key, name }))),
      catchError(() => of(DEFAULT_OPTIONS)),
    ),
    { initialValue: DEFAULT_OPTIONS },
  );
  return computed(() => (loaded().length > 0 ? loaded() : DEFAULT_OPTIONS));
}

export function segmentName(
  options: readonly SegmentOption[],
  key: string | null,
): string {
  if (key === null) return 'Not computed yet';
  return options.find((option) => option.key === key)?.name ?? key;
}
