import { placeJsonLd } from './showcase-page.component';

describe('placeJsonLd', () => {
  afterEach(() => placeJsonLd(document, null));

  it('adds one JSON-LD script with the text as given, replacing an earlier one', () => {
    placeJsonLd(document, '{"a":1}');
    placeJsonLd(document, '{"name":"\\u003c/script\\u003e"}');
    const scripts = document.head.querySelectorAll(
      'script[type="application/ld+json"]',
    );
    expect(scripts).toHaveLength(1);
    expect(scripts[0].textContent).toBe('{"name":"\\u003c/script\\u003e"}');
    expect(JSON.parse(scripts[0].textContent ?? '')).toEqual({
      name: '</script>',
    });
  });

  it('removes it when the page goes away', () => {
    placeJsonLd(document, '{}');
    placeJsonLd(document, null);
    expect(document.getElementById('showcase-json-ld')).toBeNull();
  });
});
