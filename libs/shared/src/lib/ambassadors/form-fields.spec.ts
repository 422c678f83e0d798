import { FormField, validateAnswers, validateFormFields } from './form-fields';

const fields: FormField[] = [
  {
    key: 'name',
    type: 'short_text',
    label: 'Name',
    required: true,
    maxLength: 10,
  },
  { key: 'bio', type: 'long_text', label: 'Bio', required: false },
  {
    key: 'pick',
    type: 'single_choice',
    label: 'Pick',
    required: true,
    options: ['a', 'b'],
  },
  {
    key: 'many',
    type: 'multi_choice',
    label: 'Many',
    required: false,
    options: ['x', 'y'],
  },
  { key: 'n', type: 'number', label: 'N', required: false, min: 1, max: 5 },
  { key: 'ok', type: 'consent', label: 'OK', required: true },
];

describe('validateAnswers', () => {
  it('accepts a complete, valid submission', () => {
    expect(
      validateAnswers(fields, {
        name: 'Ana',
        pick: 'a',
        many: ['x', 'y'],
        n: 3,
        ok: true,
      }),
    ).toEqual({});
  });

  it('names every problem by question key', () => {
    expect(
      validateAnswers(fields, {
        name: 'x'.repeat(11),
        pick: 'c',
        many: ['x', 'x'],
        n: 9,
        ok: false,
        zz: 1,
      }),
    ).toEqual({
      zz: 'is not a question on this form',
      name: 'must be at most 10 characters (it has 11)',
      pick: 'must be one of the listed options',
      many: 'lists an option twice',
      n: 'must be at most 5',
      ok: 'must be ticked to apply',
    });
  });

  it('lets a draft leave required questions empty but still checks what is filled in', () => {
    expect(validateAnswers(fields, { n: 0 }, { partial: true })).toEqual({
      n: 'must be at least 1',
    });
  });

  it('treats blank text as missing and refuses wrong types', () => {
    expect(
      validateAnswers(fields, { name: '   ', pick: 3, ok: 'yes' } as never),
    ).toEqual({
      name: 'is required',
      pick: 'must be one of the listed options',
      ok: 'must be ticked or not',
    });
  });

  it('caps long text at 5000 characters even when the manager asks for more', () => {
    const long: FormField[] = [
      {
        key: 't',
        type: 'long_text',
        label: 'T',
        required: false,
        maxLength: 99999,
      },
    ];
    expect(validateAnswers(long, { t: 'x'.repeat(5001) })).toEqual({
      t: 'must be at most 5000 characters (it has 5001)',
    });
  });

  it('accepts only http(s) web addresses and handle-shaped social names', () => {
    const web: FormField[] = [
      { key: 'u', type: 'url', label: 'U', required: false },
      { key: 'h', type: 'social_handle', label: 'H', required: false },
    ];
    expect(
      validateAnswers(web, { u: 'https://me.example/blog', h: '@me.too' }),
    ).toEqual({});
    expect(
      validateAnswers(web, { u: 'ftp://x.example', h: 'two words' }),
    ).toEqual({
      u: 'must be a web address starting with http:// or https://',
      h: 'must be a handle such as @yourname (letters, digits, . _ -)',
    });
  });
});

describe('validateFormFields', () => {
  it('refuses duplicate keys, missing options and options on non-choice questions', () => {
    expect(
      validateFormFields([
        {
          key: 'a',
          type: 'single_choice',
          label: 'A',
          required: true,
          options: ['one'],
        },
        {
          key: 'a',
          type: 'short_text',
          label: 'B',
          required: false,
          options: ['x'],
        },
        {
          key: 'n',
          type: 'number',
          label: 'N',
          required: false,
          min: 5,
          max: 1,
        },
      ]),
    ).toEqual({
      'fields[0].options': 'needs at least two options',
      'fields[1].key': 'is used twice',
      'fields[1].options': 'only choice questions have options',
      'fields[2].max': 'must be at least the minimum',
    });
  });

  it('needs at least one question', () => {
    expect(validateFormFields([])).toEqual({
      fields: 'must have at least one question',
    });
  });
});
