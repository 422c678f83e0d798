import { parseTags, selectedExcerpt } from './moderation';

describe('parseTags', () => {
  it('trims, lower-cases, drops empties and duplicates', () => {
    expect(parseTags(' Delivery, tea , ,Gift, delivery')).toEqual([
      'delivery',
      'tea',
      'gift',
    ]);
    expect(parseTags('')).toEqual([]);
  });
});

describe('selectedExcerpt', () => {
  it('takes highlighted words inside the quote, trimmed', () => {
    const quote = document.createElement('blockquote');
    quote.textContent = 'Lovely tea, fast delivery.';
    document.body.appendChild(quote);
    const words = quote.firstChild as Text;
    const range = document.createRange();
    range.setStart(words, 11);
    range.setEnd(words, 25);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectedExcerpt(selection, quote)).toBe('fast delivery');
    quote.remove();
  });

  it('ignores a highlight outside the quote or an empty one', () => {
    const quote = document.createElement('blockquote');
    const other = document.createElement('p');
    other.textContent = 'elsewhere';
    document.body.append(quote, other);
    const range = document.createRange();
    range.selectNodeContents(other);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectedExcerpt(selection, quote)).toBeNull();
    expect(selectedExcerpt(null, quote)).toBeNull();
    quote.remove();
    other.remove();
  });
});
