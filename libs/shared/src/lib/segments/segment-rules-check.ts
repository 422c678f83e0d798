import { NPS_CATEGORIES_WITH_UNKNOWN } from './segment-categories';
import { ADVOCACY_LEVELS, SegmentRules } from './segment-rules';

export const SEGMENT_WINDOW_DAYS = { min: 1, max: 3650 } as const;
export const SEGMENT_DROP_POINTS = { min: 1, max: 10 } as const;
export const SEGMENT_REPEAT_PURCHASES = { min: 1, max: 1000 } as const;
export const SEGMENT_NAME_MAX = 40;
export const SEGMENT_MAX_COUNT = 12;
/** Lower-case words joined by single hyphens, e.g. `at-risk`. */
export const SEGMENT_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Range = { readonly min: number; readonly max: number };

function rangeProblem(value: number, range: Range): string | null {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return `must be a whole number from ${range.min} to ${range.max}`;
  }
  return null;
}

/**
 * Field-level problems with a rule set, keyed like the server's error paths
 * (`segments[2].key`); empty when the rules can be saved.
 */
export function segmentRulesProblems(
  rules: SegmentRules,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const numeric: [keyof SegmentRules, Range][] = [
    ['npsWindowDays', SEGMENT_WINDOW_DAYS],
    ['activeWindowDays', SEGMENT_WINDOW_DAYS],
    ['churnInactiveDays', SEGMENT_WINDOW_DAYS],
    ['npsDropPoints', SEGMENT_DROP_POINTS],
    ['repeatPurchaseMin', SEGMENT_REPEAT_PURCHASES],
  ];
  for (const [field, range] of numeric) {
    const problem = rangeProblem(rules[field] as number, range);
    if (problem) problems[field] = problem;
  }
  const segments = rules.segments ?? [];
  if (segments.length === 0)
    problems['segments'] = 'needs at least one segment';
  if (segments.length > SEGMENT_MAX_COUNT)
    problems['segments'] = `allows at most ${SEGMENT_MAX_COUNT} segments`;
  const seen = new Set<string>();
  segments.forEach((segment, i) => {
    const at = `segments[${i}]`;
    const key = segment.key ?? '';
    if (!SEGMENT_KEY_PATTERN.test(key) || key.length > SEGMENT_NAME_MAX) {
      problems[`${at}.key`] =
        `must be lower-case letters and digits joined by hyphens, at most ${SEGMENT_NAME_MAX} characters`;
    } else if (seen.has(key)) {
      problems[`${at}.key`] = 'is already used by another segment';
    }
    seen.add(key);
    const name = (segment.name ?? '').trim();
    if (name.length === 0) problems[`${at}.name`] = 'is required';
    else if (name.length > SEGMENT_NAME_MAX)
      problems[`${at}.name`] = `must be at most ${SEGMENT_NAME_MAX} characters`;
    if (segment.npsCategories) {
      if (segment.npsCategories.length === 0)
        problems[`${at}.npsCategories`] =
          'needs at least one category, or leave the condition out';
      else if (
        segment.npsCategories.some(
          (c) => !NPS_CATEGORIES_WITH_UNKNOWN.includes(c),
        )
      )
        problems[`${at}.npsCategories`] =
          `each must be one of ${NPS_CATEGORIES_WITH_UNKNOWN.join(', ')}`;
    }
    if (segment.advocacyLevels) {
      if (segment.advocacyLevels.length === 0)
        problems[`${at}.advocacyLevels`] =
          'needs at least one level, or leave the condition out';
      else if (segment.advocacyLevels.some((l) => !ADVOCACY_LEVELS.includes(l)))
        problems[`${at}.advocacyLevels`] =
          `each must be one of ${ADVOCACY_LEVELS.join(', ')}`;
    }
  });
  const last = segments[segments.length - 1];
  if (last && hasConditions(last) && !problems['segments']) {
    problems['segments'] =
      'the last segment must have no conditions, so every customer lands in a segment';
  }
  return problems;
}

export function hasConditions(
  segment: SegmentRules['segments'][number],
): boolean {
  return (
    segment.npsCategories !== undefined ||
    segment.advocacyLevels !== undefined ||
    segment.churnRisk !== undefined
  );
}
