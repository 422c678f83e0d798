import { FormBuilder } from '@angular/forms';
import {
  insertVariable,
  STARTER_BODIES,
  templateForm,
  templateSyntax,
  toTemplateInput,
} from './template-form';
import { FormControl } from '@angular/forms';
import { templateProblems } from '@advocacy/shared';

describe('template form', () => {
  it('flags an unknown variable with its position, as the server would', () => {
    const control = new FormControl('Hi {{firstName}}\n{{coupon}}', {
      nonNullable: true,
    });
    expect(templateSyntax(control)).toEqual({
      server: 'Unknown variable {{coupon}} at line 2, column 1',
    });
    control.setValue('Hi {{ firstName }}');
    expect(templateSyntax(control)).toBeNull();
  });

  it('starts a new template from the purpose’s starter text, which is valid', () => {
    const form = templateForm(new FormBuilder(), null);
    expect(form.controls.audience.value).toBe('promoter');
    expect(form.controls.body.value).toBe(
      STARTER_BODIES.referral_invitation.body,
    );
    for (const starter of Object.values(STARTER_BODIES)) {
      expect(templateProblems(starter.subject)).toEqual([]);
      expect(templateProblems(starter.body)).toEqual([]);
    }
  });

  it('trims the name and subject but keeps the body as written', () => {
    const form = templateForm(new FormBuilder(), null);
    form.patchValue({ name: '  Invite  ', subject: ' Hi ', body: ' Body\n' });
    expect(toTemplateInput(form.getRawValue())).toMatchObject({
      name: 'Invite',
      subject: 'Hi',
      body: ' Body\n',
    });
  });

  it('inserts a variable at the cursor, replacing any selection', () => {
    expect(insertVariable('Hello there', 6, 11, 'firstName')).toEqual({
      text: 'Hello {{firstName}}',
      cursor: 19,
    });
    expect(insertVariable('Link: ', 6, 6, 'referralLink').text).toBe(
      'Link: {{referralLink}}',
    );
  });
});
