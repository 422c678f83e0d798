import {
  renderHtml,
  renderText,
  SAMPLE_TEMPLATE_VALUES,
  templateProblems,
  usedVariables,
} from './template';
import { isDeliverableAddress, reviewGatingProblem } from './outreach-rules';

describe('outreach templates', () => {
  it('names an unknown variable with its line and column', () => {
    const problems = templateProblems(
      'Hi {{firstName}},\nsee {{ referalLink }} now',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      token: '{{ referalLink }}',
      line: 2,
      column: 5,
    });
    expect(problems[0].message).toContain(
      'Unknown variable {{ referalLink }} at line 2, column 5',
    );
  });

  it('reports unclosed braces', () => {
    expect(templateProblems('Hello {{name')[0].message).toContain('Unclosed');
  });

  it('accepts every allowed variable, with or without spaces', () => {
    expect(
      templateProblems(
        '{{firstName}} {{ name }} {{referralLink}} {{surveyLink}} {{unsubscribeLink}}',
      ),
    ).toEqual([]);
    expect(usedVariables('{{name}} {{surveyLink}}', '{{name}}')).toEqual([
      'name',
      'surveyLink',
    ]);
  });

  it('renders text as-is and escapes HTML, turning links into anchors', () => {
    const values = { ...SAMPLE_TEMPLATE_VALUES, name: '<b>Ann & Co</b>' };
    expect(renderText('Dear {{name}}', values)).toBe('Dear <b>Ann & Co</b>');
    const html = renderHtml(
      'Dear {{name}} <i>\n\nShare: {{referralLink}}',
      values,
    );
    expect(html).toContain('&lt;b&gt;Ann &amp; Co&lt;/b&gt; &lt;i&gt;');
    expect(html).toContain(
      '<p>Share: <a href="https://example.com/r/alex-friends">',
    );
    expect(html.split('<p>')).toHaveLength(3);
  });

  it('does not turn a non-http value into a link', () => {
    const values = {
      ...SAMPLE_TEMPLATE_VALUES,
      referralLink: 'javascript:alert(1)',
    };
    expect(renderHtml('{{referralLink}}', values)).toBe(
      '<p>javascript:alert(1)</p>',
    );
  });
});

describe('review-gating guard', () => {
  const none = { npsCategories: [], segmentKeys: [], customerIds: [] };

  it('refuses a review request limited to promoters or leaving out a category', () => {
    expect(
      reviewGatingProblem('public_review_request', {
        ...none,
        npsCategories: ['promoter'],
      }),
    ).toContain('review gating');
    expect(
      reviewGatingProblem('public_review_request', {
        ...none,
        npsCategories: ['promoter', 'passive'],
      }),
    ).not.toBeNull();
    expect(
      reviewGatingProblem('public_review_request', {
        ...none,
        segmentKeys: ['champions'],
      }),
    ).not.toBeNull();
  });

  it('allows a review request to every segment, and other purposes to target one', () => {
    expect(reviewGatingProblem('public_review_request', none)).toBeNull();
    expect(
      reviewGatingProblem('public_review_request', {
        ...none,
        npsCategories: ['promoter', 'passive', 'detractor', 'unknown'],
      }),
    ).toBeNull();
    expect(
      reviewGatingProblem('testimonial_request', {
        ...none,
        npsCategories: ['promoter'],
      }),
    ).toBeNull();
  });
});

describe('address check', () => {
  it.each(['ann@example.com', 'a.b+tag@sub.example.co.uk'])(
    'accepts %s',
    (email) => expect(isDeliverableAddress(email)).toBe(true),
  );
  it.each([
    'ann',
    'ann@',
    'ann@example',
    'a b@example.com',
    'ann@@example.com',
    'ann@exa_mple.com',
  ])('refuses %s', (email) => expect(isDeliverableAddress(email)).toBe(false));
});
