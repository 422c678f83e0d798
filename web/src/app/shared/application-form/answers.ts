import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
} from '@angular/forms';
import {
  AnswerValue,
  ApplicationAnswers,
  FormField,
  TEXT_LIMITS,
  validateAnswers,
} from '@advocacy/shared';

export type AnswerControl = FormControl<
  string | number | boolean | string[] | null
>;

/** A control's value as the answer the server expects; empty answers are left out. */
export function toAnswer(
  field: FormField,
  value: unknown,
): AnswerValue | undefined {
  switch (field.type) {
    case 'consent':
      return value === true ? true : undefined;
    case 'multi_choice':
      return Array.isArray(value) && value.length > 0
        ? (value as string[])
        : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : undefined;
    default: {
      if (typeof value !== 'string') return undefined;
      const text = field.type === 'long_text' ? value : value.trim();
      return text.trim() === '' ? undefined : text;
    }
  }
}

/** The same rule the server applies, one question at a time, shown as the control's error. */
export function answerValidator(field: FormField) {
  return (control: AbstractControl): ValidationErrors | null => {
    const answer = toAnswer(field, control.value);
    const errors = validateAnswers(
      [field],
      answer === undefined ? {} : { [field.key]: answer },
    );
    const message = errors[field.key];
    if (!message) return null;
    // Let the field name itself ("Website is required.") like every other form in the portal.
    return message === 'is required' ? { required: true } : { server: message };
  };
}

function initialValue(field: FormField, answer: AnswerValue | undefined) {
  if (field.type === 'consent') return answer === true;
  if (field.type === 'multi_choice') return Array.isArray(answer) ? answer : [];
  if (field.type === 'number')
    return typeof answer === 'number' ? answer : null;
  return typeof answer === 'string' ? answer : '';
}

export function buildAnswersGroup(
  fields: readonly FormField[],
  initial: ApplicationAnswers,
): FormGroup<Record<string, AnswerControl>> {
  const controls: Record<string, AnswerControl> = {};
  for (const field of fields)
    controls[field.key] = new FormControl(
      initialValue(field, initial[field.key]),
      {
        validators: answerValidator(field),
      },
    );
  return new FormGroup(controls);
}

export function answersOf(
  fields: readonly FormField[],
  group: FormGroup<Record<string, AnswerControl>>,
): ApplicationAnswers {
  const out: ApplicationAnswers = {};
  for (const field of fields) {
    const answer = toAnswer(field, group.controls[field.key]?.value);
    if (answer !== undefined) out[field.key] = answer;
  }
  return out;
}

export function textLimitOf(field: FormField): number {
  const cap =
    field.type === 'long_text' ? TEXT_LIMITS.long_text : TEXT_LIMITS.short_text;
  return field.maxLength ? Math.min(field.maxLength, cap) : cap;
}
