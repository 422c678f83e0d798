import { PublicTestimonial } from '@advocacy/shared';
import { escapeForScript, showcaseJsonLd } from './json-ld';

const item = (over: Partial<PublicTestimonial>): PublicTestimonial => ({
  id: 'x',
  author: 'Ada L.',
  text: 'Lovely',
  rating: 5,
  featured: false,
  disclosure: null,
  videoUrl: null,
  socialUrl: null,
  images: [],
  createdAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('showcaseJsonLd', () => {
  it('describes each review and the aggregate rating', () => {
    const json = JSON.parse(
      showcaseJsonLd('Tea', [item({}), item({ rating: 3, author: 'Bo' })], {
        ratingCount: 2,
        ratingValue: 4,
      }),
    );
    expect(json['@type']).toBe('Product');
    expect(json.review).toHaveLength(2);
    expect(json.review[1]).toMatchObject({
      '@type': 'Review',
      author: { name: 'Bo' },
      reviewRating: { ratingValue: 3, bestRating: 5 },
    });
    expect(json.aggregateRating).toMatchObject({
      ratingValue: 4,
      ratingCount: 2,
    });
  });

  it('leaves out the aggregate when nothing is rated', () => {
    const json = JSON.parse(
      showcaseJsonLd('Tea', [item({ rating: null })], {
        ratingCount: 0,
        ratingValue: null,
      }),
    );
    expect(json.aggregateRating).toBeUndefined();
    expect(json.review[0].reviewRating).toBeUndefined();
  });

  it('cannot close the script element it sits in', () => {
    const out = showcaseJsonLd(
      'Tea',
      [item({ text: '</script><script>alert(1)</script> & <!--' })],
      { ratingCount: 1, ratingValue: 5 },
    );
    expect(out).not.toMatch(/<|>/);
    expect(JSON.parse(out).review[0].reviewBody).toBe(
      '</script><script>alert(1)</script> & <!--',
    );
  });

  it('escapes line separators', () => {
    expect(escapeForScript('"a\u2028b"')).toBe('"a\\u2028b"');
  });
});
