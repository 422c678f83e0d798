import { linkProblem, looksLikeMarkup } from './link-check';

describe('linkProblem', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', 'video', null],
    ['https://youtu.be/abc', 'video', null],
    ['https://www.instagram.com/p/xyz/', 'social', null],
    ['not a url', 'video', 'must be a full link starting with https://'],
    [
      'javascript:alert(1)',
      'social',
      'must be a full link starting with https://',
    ],
    [
      'https://user:pw@youtube.com/x',
      'video',
      'must not contain a user name or password',
    ],
    [
      'https://evil.example/x',
      'social',
      expect.stringContaining('must be a link to'),
    ],
    [
      'https://youtube.com.evil.example/x',
      'video',
      expect.stringContaining('must be a link to'),
    ],
    [
      'https://www.tiktok.com/',
      'social',
      'must link to the post itself, not the site',
    ],
  ])('%s (%s) → %s', (url, kind, problem) => {
    expect(linkProblem(url, kind as 'video' | 'social')).toEqual(problem);
  });
});

describe('looksLikeMarkup', () => {
  it.each([
    ['<script>alert(1)</script>', true],
    ['<img src=x onerror=alert(1)>', true],
    ['Click <a href="x">here</a>', true],
    ['see javascript:void(0)', true],
    ['I <3 this shop', false],
    ['5 < 6 and 7 > 2', false],
    ['Great service!', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeMarkup(text)).toBe(expected);
  });
});
