import { FormBuilder, FormGroup } from '@angular/forms';
import { FormField, FormFieldType, SocialPlatform } from '@advocacy/shared';

export const FIELD_TYPE_LABELS: Record<FormFieldType, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  single_choice: 'Single choice',
  multi_choice: 'Multiple choice',
  url: 'Web address',
  social_handle: 'Social handle',
  number: 'Number',
  consent: 'Consent checkbox',
};

export function fieldGroup(fb: FormBuilder, f: Partial<FormField> = {}) {
  const nn = fb.nonNullable;
  return nn.group({
    key: nn.control(f.key ?? ''),
    type: nn.control<FormFieldType>(f.type ?? 'short_text'),
    label: nn.control(f.label ?? ''),
    help: nn.control(f.help ?? ''),
    required: nn.control(f.required ?? false),
    /** One option per line. */
    options: nn.control((f.options ?? []).join('\n')),
    maxLength: fb.control<number | null>(f.maxLength ?? null),
    min: fb.control<number | null>(f.min ?? null),
    max: fb.control<number | null>(f.max ?? null),
    platform: fb.control<SocialPlatform | null>(f.platform ?? null),
  });
}

export type FieldGroup = ReturnType<typeof fieldGroup>;
type FieldValue = ReturnType<FieldGroup['getRawValue']>;

/** A key from the label, so managers rarely type one: "Your Instagram?" → "your_instagram". */
export function keyFromLabel(
  label: string,
  taken: ReadonlySet<string>,
): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 32) || 'question';
  let key = base;
  for (let i = 2; taken.has(key); i += 1) key = `${base}_${i}`;
  return key;
}

export function toFormField(v: FieldValue): FormField {
  const choice = v.type === 'single_choice' || v.type === 'multi_choice';
  const num = (x: number | string | null) =>
    x === null || x === '' ? null : Number(x);
  return {
    key: v.key.trim(),
    type: v.type,
    label: v.label.trim(),
    help: v.help.trim() || null,
    required: v.required,
    ...(choice
      ? {
          options: v.options
            .split('\n')
            .map((o) => o.trim())
            .filter((o) => o !== ''),
        }
      : {}),
    maxLength:
      v.type === 'short_text' || v.type === 'long_text'
        ? num(v.maxLength)
        : null,
    min: v.type === 'number' ? num(v.min) : null,
    max: v.type === 'number' ? num(v.max) : null,
    platform: v.type === 'social_handle' ? v.platform : null,
  };
}

export function toFormFields(groups: FormGroup[]): FormField[] {
  return (groups as FieldGroup[]).map((g) => toFormField(g.getRawValue()));
}
