import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  AdvocacyLevel,
  NamedSegmentRule,
  SEGMENT_DROP_POINTS,
  SEGMENT_KEY_PATTERN,
  SEGMENT_NAME_MAX,
  SEGMENT_REPEAT_PURCHASES,
  SEGMENT_WINDOW_DAYS,
  SegmentNpsCategory,
  SegmentRules,
} from '@advocacy/shared';

export type ChurnChoice = 'any' | 'yes' | 'no';

export type SegmentForm = FormGroup<{
  key: FormControl<string>;
  name: FormControl<string>;
  /** Empty means "any category": the condition is left out. */
  npsCategories: FormControl<SegmentNpsCategory[]>;
  advocacyLevels: FormControl<AdvocacyLevel[]>;
  churnRisk: FormControl<ChurnChoice>;
}>;

export type RulesForm = FormGroup<{
  npsWindowDays: FormControl<number>;
  activeWindowDays: FormControl<number>;
  churnInactiveDays: FormControl<number>;
  repeatPurchaseMin: FormControl<number>;
  npsDropPoints: FormControl<number>;
  segments: FormArray<SegmentForm>;
}>;

const range = (limits: { min: number; max: number }) => [
  Validators.required,
  Validators.min(limits.min),
  Validators.max(limits.max),
];

export function segmentForm(rule: NamedSegmentRule): SegmentForm {
  return new FormGroup({
    key: new FormControl(rule.key, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(SEGMENT_KEY_PATTERN),
        Validators.maxLength(SEGMENT_NAME_MAX),
      ],
    }),
    name: new FormControl(rule.name, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SEGMENT_NAME_MAX)],
    }),
    npsCategories: new FormControl(rule.npsCategories ?? [], {
      nonNullable: true,
    }),
    advocacyLevels: new FormControl(rule.advocacyLevels ?? [], {
      nonNullable: true,
    }),
    churnRisk: new FormControl<ChurnChoice>(
      rule.churnRisk === undefined ? 'any' : rule.churnRisk ? 'yes' : 'no',
      { nonNullable: true },
    ),
  });
}

export function rulesForm(rules: SegmentRules): RulesForm {
  const number = (value: number, limits: { min: number; max: number }) =>
    new FormControl(value, { nonNullable: true, validators: range(limits) });
  return new FormGroup({
    npsWindowDays: number(rules.npsWindowDays, SEGMENT_WINDOW_DAYS),
    activeWindowDays: number(rules.activeWindowDays, SEGMENT_WINDOW_DAYS),
    churnInactiveDays: number(rules.churnInactiveDays, SEGMENT_WINDOW_DAYS),
    repeatPurchaseMin: number(
      rules.repeatPurchaseMin,
      SEGMENT_REPEAT_PURCHASES,
    ),
    npsDropPoints: number(rules.npsDropPoints, SEGMENT_DROP_POINTS),
    segments: new FormArray(rules.segments.map(segmentForm)),
  });
}

/** The form's value as the API's rules: empty choices become omitted conditions. */
export function rulesFromForm(form: RulesForm): SegmentRules {
  const value = form.getRawValue();
  return {
    npsWindowDays: Number(value.npsWindowDays),
    activeWindowDays: Number(value.activeWindowDays),
    churnInactiveDays: Number(value.churnInactiveDays),
    repeatPurchaseMin: Number(value.repeatPurchaseMin),
    npsDropPoints: Number(value.npsDropPoints),
    segments: value.segments.map((segment) => ({
      key: segment.key.trim(),
      name: segment.name.trim(),
      ...(segment.npsCategories.length > 0 && {
        npsCategories: segment.npsCategories,
      }),
      ...(segment.advocacyLevels.length > 0 && {
        advocacyLevels: segment.advocacyLevels,
      }),
      ...(segment.churnRisk !== 'any' && {
        churnRisk: segment.churnRisk === 'yes',
      }),
    })),
  };
}

/** `Top fans!` → `top-fans`: a key suggestion for a new segment. */
export function keyFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SEGMENT_NAME_MAX);
}
