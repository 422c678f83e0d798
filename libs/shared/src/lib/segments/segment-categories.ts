import { SegmentNpsCategory } from './segment-rules';

export const NPS_CATEGORIES_WITH_UNKNOWN: readonly SegmentNpsCategory[] = [
  'promoter',
  'passive',
  'detractor',
  'unknown',
];
