import { FormBuilder } from '@angular/forms';
import { fieldGroup, keyFromLabel, toFormField } from './form-builder';

describe('form builder mapping', () => {
  it('derives a unique key from the label', () => {
    expect(keyFromLabel('Your Instagram handle?', new Set())).toBe(
      'your_instagram_handle',
    );
    expect(keyFromLabel('Why?', new Set(['why']))).toBe('why_2');
    expect(keyFromLabel('123', new Set())).toBe('question');
  });

  it('keeps only the settings that belong to the question type', () => {
    const fb = new FormBuilder();
    const choice = fieldGroup(fb, {
      key: 'pick',
      type: 'single_choice',
      label: ' Pick ',
      required: true,
    });
    choice.patchValue({ options: 'One\n\n Two \n', min: 3 });
    expect(toFormField(choice.getRawValue())).toEqual({
      key: 'pick',
      type: 'single_choice',
      label: 'Pick',
      help: null,
      required: true,
      options: ['One', 'Two'],
      maxLength: null,
      min: null,
      max: null,
      platform: null,
    });
    const text = fieldGroup(fb, {
      key: 't',
      type: 'short_text',
      label: 'T',
      options: ['x'],
    });
    expect(toFormField(text.getRawValue()).options).toBeUndefined();
  });
});
