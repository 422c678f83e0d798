/** Field kinds a manager can put on an ambassador application form. */
export const FORM_FIELD_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'multi_choice',
  'url',
  'social_handle',
  'number',
  'consent',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const SOCIAL_PLATFORMS = [
  'instagram',
  'tiktok',
  'youtube',
  'x',
  'linkedin',
  'facebook',
  'other',
] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export interface FormField {
  /** Stable answer key: lower-case letters, digits and underscores. */
  key: string;
  type: FormFieldType;
  label: string;
  help?: string | null;
  required: boolean;
  /** Choice fields only. */
  options?: string[];
  /** Text fields: longest answer; defaults per type. */
  maxLength?: number | null;
  /** Number fields. */
  min?: number | null;
  max?: number | null;
  /** Social handle fields. */
  platform?: SocialPlatform | null;
}

export type AnswerValue = string | number | boolean | string[];
export type ApplicationAnswers = Record<string, AnswerValue>;

export const TEXT_LIMITS: Record<'short_text' | 'long_text', number> = {
  short_text: 200,
  long_text: 5000,
};
export const MAX_FORM_FIELDS = 40;
export const MAX_FIELD_OPTIONS = 30;
export const MAX_URL_LENGTH = 2000;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const HANDLE = /^@?[A-Za-z0-9._-]{1,50}$/;

function textLimit(field: FormField): number {
  const cap =
    field.type === 'long_text' ? TEXT_LIMITS.long_text : TEXT_LIMITS.short_text;
  return field.maxLength && field.maxLength > 0
    ? Math.min(field.maxLength, cap)
    : cap;
}

function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'boolean') return value === false;
  return false;
}

function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH)
    return `must be at most ${MAX_URL_LENGTH} characters`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return 'must be a web address starting with http:// or https://';
    if (url.username || url.password)
      return 'may not contain a user name or password';
    return null;
  } catch {
    return 'must be a web address starting with http:// or https://';
  }
}

/** One answer's problem, or null; `value` is known to be non-blank. */
function answerProblem(field: FormField, value: AnswerValue): string | null {
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return 'must be text';
      const limit = textLimit(field);
      return value.length > limit
        ? `must be at most ${limit} characters (it has ${value.length})`
        : null;
    }
    case 'url':
      return typeof value === 'string'
        ? urlProblem(value.trim())
        : 'must be a web address';
    case 'social_handle':
      return typeof value === 'string' && HANDLE.test(value.trim())
        ? null
        : 'must be a handle such as @yourname (letters, digits, . _ -)';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return 'must be a number';
      if (field.min != null && value < field.min)
        return `must be at least ${field.min}`;
      if (field.max != null && value > field.max)
        return `must be at most ${field.max}`;
      return null;
    }
    case 'consent':
      return typeof value === 'boolean' ? null : 'must be ticked or not';
    case 'single_choice':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? null
        : 'must be one of the listed options';
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return 'must be a list of the listed options';
      const unknown = value.filter((v) => !(field.options ?? []).includes(v));
      if (unknown.length > 0)
        return `has options that are not listed: ${unknown.join(', ')}`;
      return new Set(value).size === value.length
        ? null
        : 'lists an option twice';
    }
  }
}

/**
 * Checks answers against a form version, field by field (keys are the field keys).
 * A draft (`partial`) may leave required fields empty; a submission may not. Keys that are not
 * fields of the form are refused, so nothing unvalidated is ever stored.
 */
export function validateAnswers(
  fields: readonly FormField[],
  answers: ApplicationAnswers,
  options: { partial?: boolean } = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors[key] = 'is not a question on this form';
  }
  for (const field of fields) {
    const value = answers[field.key];
    if (isBlank(value)) {
      if (field.required && !options.partial)
        errors[field.key] =
          field.type === 'consent' ? 'must be ticked to apply' : 'is required';
      continue;
    }
    const problem = answerProblem(field, value);
    if (problem) errors[field.key] = problem;
  }
  return errors;
}

/** Checks a form definition a manager saves; keys are `fields[<i>].<prop>` like the DTO errors. */
export function validateFormFields(
  fields: readonly FormField[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (fields.length === 0) errors['fields'] = 'must have at least one question';
  if (fields.length > MAX_FORM_FIELDS)
    errors['fields'] = `may have at most ${MAX_FORM_FIELDS} questions`;
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    const at = (prop: string) => `fields[${i}].${prop}`;
    if (!FIELD_KEY.test(field.key))
      errors[at('key')] =
        'must start with a letter; lower-case letters, digits and _ (max 40)';
    else if (seen.has(field.key)) errors[at('key')] = 'is used twice';
    seen.add(field.key);
    if (!FORM_FIELD_TYPES.includes(field.type))
      errors[at('type')] = `must be one of ${FORM_FIELD_TYPES.join(', ')}`;
    if (!field.label || field.label.trim() === '')
      errors[at('label')] = 'is required';
    const isChoice =
      field.type === 'single_choice' || field.type === 'multi_choice';
    const opts = field.options ?? [];
    if (isChoice) {
      if (opts.length < 2) errors[at('options')] = 'needs at least two options';
      else if (opts.length > MAX_FIELD_OPTIONS)
        errors[at('options')] = `may have at most ${MAX_FIELD_OPTIONS} options`;
      else if (opts.some((o) => o.trim() === ''))
        errors[at('options')] = 'may not have an empty option';
      else if (new Set(opts).size !== opts.length)
        errors[at('options')] = 'lists an option twice';
    } else if (opts.length > 0) {
      errors[at('options')] = 'only choice questions have options';
    }
    if (
      field.type === 'number' &&
      field.min != null &&
      field.max != null &&
      field.min > field.max
    )
      errors[at('max')] = 'must be at least the minimum';
  });
  return errors;
}
