import {
  addImages,
  clientImageProblem,
  splitServerErrors,
  SubmissionFormValue,
  toSubmissionFormData,
} from './ugc-submission-form';

const file = (name: string, type: string, size = 1000) =>
  new File([new Uint8Array(size)], name, { type });

const value = (
  over: Partial<SubmissionFormValue> = {},
): SubmissionFormValue => ({
  text: '  Great tea  ',
  rating: 4,
  videoUrl: '',
  socialUrl: ' https://x.com/a/status/1 ',
  scopes: { website: true, social: false, ads: true },
  displayName: 'first_initial',
  expiresOn: '',
  name: ' Ann ',
  email: ' ann@example.com ',
  ...over,
});

describe('clientImageProblem', () => {
  it('accepts JPEG, PNG and WebP within the limit', () => {
    expect(clientImageProblem(file('a.jpg', 'image/jpeg'))).toBeNull();
    expect(clientImageProblem(file('a.webp', 'image/webp'))).toBeNull();
  });

  it('names the file and the problem', () => {
    expect(clientImageProblem(file('a.gif', 'image/gif'))).toBe(
      'a.gif is not a JPEG, PNG or WebP image.',
    );
    expect(
      clientImageProblem(file('big.png', 'image/png', 2048), 1024 * 1024 - 1),
    ).toBeNull();
    expect(
      clientImageProblem(
        file('big.png', 'image/png', 3 * 1024 * 1024),
        2 * 1024 * 1024,
      ),
    ).toBe('big.png is larger than 2 MB.');
  });
});

describe('addImages', () => {
  it('keeps at most four and reports the rest', () => {
    const picked = ['1', '2', '3', '4', '5'].map((n) =>
      file(`${n}.png`, 'image/png'),
    );
    const result = addImages([], [...picked, file('x.txt', 'text/plain')]);
    expect(result.files.map((f) => f.name)).toEqual([
      '1.png',
      '2.png',
      '3.png',
      '4.png',
    ]);
    expect(result.problems).toEqual([
      'At most 4 images; 5.png was left out.',
      'x.txt is not a JPEG, PNG or WebP image.',
    ]);
  });
});

describe('toSubmissionFormData', () => {
  it('sends trimmed fields, each scope once and the images', () => {
    const form = toSubmissionFormData(value(), [file('a.png', 'image/png')], {
      campaignId: 'c1',
    });
    expect(form.get('campaignId')).toBe('c1');
    expect(form.get('text')).toBe('Great tea');
    expect(form.get('rating')).toBe('4');
    expect(form.has('videoUrl')).toBe(false);
    expect(form.get('socialUrl')).toBe('https://x.com/a/status/1');
    expect(form.getAll('consentScopes')).toEqual(['website', 'ads']);
    expect(form.has('consentExpiresAt')).toBe(false);
    expect(form.has('name')).toBe(false);
    expect((form.get('images') as File).name).toBe('a.png');
  });

  it('adds contact details for public links and the end of the expiry day', () => {
    const form = toSubmissionFormData(
      value({ expiresOn: '2027-03-01', rating: null }),
      [],
      {
        withContact: true,
      },
    );
    expect(form.get('name')).toBe('Ann');
    expect(form.get('email')).toBe('ann@example.com');
    expect(form.get('consentExpiresAt')).toBe('2027-03-01T23:59:59.000Z');
    expect(form.has('rating')).toBe(false);
  });
});

describe('splitServerErrors', () => {
  it('names the refused image and maps consent fields onto their controls', () => {
    const files = [{ name: 'cup.jpg' }, { name: 'evil.jpg' }];
    expect(
      splitServerErrors(
        {
          'images[1]': 'must be a JPEG, PNG or WebP image',
          consentScopes: 'choose at least one place we may show it',
          text: 'must be plain text, without HTML or scripts',
        },
        files,
      ),
    ).toEqual({
      imageProblems: ['evil.jpg must be a JPEG, PNG or WebP image.'],
      controls: {
        scopes: 'choose at least one place we may show it',
        text: 'must be plain text, without HTML or scripts',
      },
    });
  });

  it('speaks of the images together for a count error', () => {
    expect(
      splitServerErrors({ images: 'may hold at most 4 images' }, [])
        .imageProblems,
    ).toEqual(['Images may hold at most 4 images.']);
  });
});
