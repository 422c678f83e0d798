import {
  AbstractControl,
  FormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  OUTREACH_PURPOSE_LABELS,
  OutreachPurpose,
  OutreachTemplateInput,
  OutreachTemplateView,
  PURPOSE_AUDIENCES,
  TEMPLATE_VARIABLES,
  TemplateAudience,
  templateProblems,
} from '@advocacy/shared';

/**
 * Unknown or malformed `{{variables}}`, checked with the same parser as the server. The message
 * goes under the `server` key so the field shows it word for word, as it would a server message.
 */
export function templateSyntax(
  control: AbstractControl<string>,
): ValidationErrors | null {
  const problems = templateProblems(control.value ?? '');
  if (problems.length === 0) return null;
  return { server: problems.map((p) => p.message.split('; ')[0]).join('. ') };
}

/** Starting points per purpose, so a new template is a small edit rather than a blank page. */
export const STARTER_BODIES: Record<
  OutreachPurpose,
  { subject: string; body: string }
> = {
  referral_invitation: {
    subject: '{{firstName}}, share the love (and get a thank-you)',
    body: 'Hi {{firstName}},\n\nThank you for being such a fan. Friends you invite get a welcome gift, and so do you:\n\n{{referralLink}}\n\nThe team',
  },
  ambassador_invitation: {
    subject: '{{firstName}}, would you like to be an ambassador?',
    body: 'Hi {{firstName}},\n\nYou are one of our biggest supporters. Our ambassador programme brings early access and perks.\n\nTell us what you think: {{surveyLink}}\n\nThe team',
  },
  testimonial_request: {
    subject: 'Would you tell others about your experience?',
    body: 'Hi {{firstName}},\n\nA few words from you would help others decide. Share your experience here: {{surveyLink}}\n\nThank you!',
  },
  feedback_request: {
    subject: 'What would make it a 10, {{firstName}}?',
    body: 'Hi {{firstName}},\n\nThank you for your score. What is the one thing that would make us a 10 for you?\n\n{{surveyLink}}\n\nThe team',
  },
  apology_follow_up: {
    subject: 'We are sorry, {{firstName}}',
    body: 'Hi {{firstName}},\n\nWe are sorry we let you down. A member of our team will contact you personally within two working days to put it right.\n\nIf you would like to tell us more first: {{surveyLink}}\n\nThe team',
  },
  public_review_request: {
    subject: 'How did we do, {{firstName}}?',
    body: 'Hi {{firstName}},\n\nWe ask every customer for an honest public review, whatever your experience was. It helps others and helps us improve.\n\n{{surveyLink}}\n\nThank you!',
  },
};

export function templateForm(
  fb: FormBuilder,
  existing: OutreachTemplateView | null,
) {
  const purpose: OutreachPurpose = existing?.purpose ?? 'referral_invitation';
  const starter = STARTER_BODIES[purpose];
  return fb.nonNullable.group({
    name: [
      existing?.name ?? OUTREACH_PURPOSE_LABELS[purpose],
      [Validators.required, Validators.maxLength(120)],
    ],
    purpose: [purpose, Validators.required],
    audience: [
      existing?.audience ?? PURPOSE_AUDIENCES[purpose][0],
      Validators.required,
    ],
    subject: [
      existing?.subject ?? starter.subject,
      [Validators.required, Validators.maxLength(200), templateSyntax],
    ],
    body: [
      existing?.body ?? starter.body,
      [Validators.required, Validators.maxLength(20000), templateSyntax],
    ],
  });
}

export type TemplateFormValue = ReturnType<
  ReturnType<typeof templateForm>['getRawValue']
>;

export function toTemplateInput(
  value: TemplateFormValue,
): OutreachTemplateInput {
  return {
    name: value.name.trim(),
    purpose: value.purpose,
    audience: value.audience as TemplateAudience,
    subject: value.subject.trim(),
    body: value.body,
  };
}

/** Inserts `{{name}}` at the cursor (or replaces the selection) and gives the new text and cursor. */
export function insertVariable(
  text: string,
  start: number,
  end: number,
  variable: (typeof TEMPLATE_VARIABLES)[number],
): { text: string; cursor: number } {
  const token = `{{${variable}}}`;
  return {
    text: text.slice(0, start) + token + text.slice(end),
    cursor: start + token.length,
  };
}
