import { FormBuilder } from '@angular/forms';
import { settingsForm, toSettingsRequest } from './programme-settings-form';

describe('toSettingsRequest', () => {
  const form = () => settingsForm(new FormBuilder(), null);

  it('starts a new programme as a promoters-only draft with the default templates', () => {
    const request = toSettingsRequest(form().getRawValue());
    expect(request).toMatchObject({
      status: 'draft',
      capacity: null,
      reapplyCooldownDays: 90,
      eligibility: { npsCategories: ['promoter'], minNps: null },
    });
    expect(request.decisionTemplates.approved).toContain('{programme}');
  });

  it('turns "never reapply" into a null cooldown and blank numbers into no rule', () => {
    const f = form();
    f.patchValue({
      neverReapply: true,
      reapplyCooldownDays: 30,
      capacity: 12,
      slug: ' insiders ',
    });
    f.controls.eligibility.patchValue({ minNps: 9 });
    const request = toSettingsRequest(f.getRawValue());
    expect(request.reapplyCooldownDays).toBeNull();
    expect(request.capacity).toBe(12);
    expect(request.slug).toBe('insiders');
    expect(request.eligibility.minNps).toBe(9);
  });
});
