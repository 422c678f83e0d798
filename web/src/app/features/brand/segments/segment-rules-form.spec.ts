import { DEFAULT_SEGMENT_RULES } from '@advocacy/shared';
import { keyFromName, rulesForm, rulesFromForm } from './segment-rules-form';

describe('segment rules form', () => {
  it('round-trips the default rules unchanged', () => {
    expect(rulesFromForm(rulesForm(DEFAULT_SEGMENT_RULES))).toEqual(
      DEFAULT_SEGMENT_RULES,
    );
  });

  it('turns empty choices into omitted conditions and keeps an explicit "no churn risk"', () => {
    const form = rulesForm(DEFAULT_SEGMENT_RULES);
    const first = form.controls.segments.at(0);
    first.controls.npsCategories.setValue([]);
    first.controls.churnRisk.setValue('no');
    const rules = rulesFromForm(form);
    expect(rules.segments[0]).toEqual({
      key: 'champions',
      name: 'Champions',
      advocacyLevels: ['active', 'ambassador'],
      churnRisk: false,
    });
  });

  it('rejects out-of-range windows before asking the server', () => {
    const form = rulesForm(DEFAULT_SEGMENT_RULES);
    form.controls.npsWindowDays.setValue(0);
    expect(form.controls.npsWindowDays.hasError('min')).toBe(true);
    form.controls.npsDropPoints.setValue(11);
    expect(form.controls.npsDropPoints.hasError('max')).toBe(true);
  });

  it('suggests kebab-case keys from names', () => {
    expect(keyFromName('  Top fans! 2026 ')).toBe('top-fans-2026');
  });
});
