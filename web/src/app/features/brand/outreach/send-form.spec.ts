import { FormBuilder } from '@angular/forms';
import { OutreachTemplateView } from '@advocacy/shared';
import {
  audienceFor,
  gatingProblem,
  linksNeeded,
  sendForm,
  toSendRequest,
} from './send-form';

const template = (
  overrides: Partial<OutreachTemplateView> = {},
): OutreachTemplateView => ({
  id: 't1',
  name: 'T',
  purpose: 'referral_invitation',
  audience: 'promoter',
  subject: 'Hi {{firstName}}',
  body: 'Share {{referralLink}}',
  archived: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('send form', () => {
  const form = () => sendForm(new FormBuilder());

  it('asks for a programme or a survey only when the template links to one', () => {
    expect(linksNeeded(template())).toEqual({ programme: true, survey: false });
    expect(linksNeeded(template({ body: '{{surveyLink}}' }))).toEqual({
      programme: false,
      survey: true,
    });
    const f = form();
    f.patchValue({ templateId: 't1', programmeId: 'p1', surveyId: 's1' });
    expect(toSendRequest(f.getRawValue(), template())).toMatchObject({
      programmeId: 'p1',
      surveyId: undefined,
    });
  });

  it('starts from the template’s segment; review requests from everyone', () => {
    expect(audienceFor(template())).toEqual({
      npsCategories: ['promoter'],
      segmentKeys: [],
      customerIds: [],
    });
    expect(
      audienceFor(
        template({ purpose: 'public_review_request', audience: 'all' }),
      ),
    ).toEqual({
      npsCategories: [],
      segmentKeys: [],
      customerIds: [],
    });
  });

  it('explains review gating for a review request limited to promoters, and not otherwise', () => {
    const f = form();
    f.patchValue({ npsCategories: ['promoter'] });
    const review = template({
      purpose: 'public_review_request',
      audience: 'all',
    });
    expect(gatingProblem(review, f.getRawValue())).toContain('review gating');
    expect(gatingProblem(template(), f.getRawValue())).toBeNull();
    f.patchValue({ npsCategories: ['promoter', 'passive', 'detractor'] });
    expect(gatingProblem(review, f.getRawValue())).toBeNull();
    f.patchValue({ customerIds: ['c1'] });
    expect(gatingProblem(review, f.getRawValue())).toContain('review gating');
  });

  it('sends now without a time, or later at the chosen local time in UTC', () => {
    const f = form();
    f.patchValue({
      templateId: 't1',
      when: 'now',
      scheduledAt: '2030-05-01T09:30',
    });
    expect(
      toSendRequest(f.getRawValue(), template()).scheduledAt,
    ).toBeUndefined();
    f.patchValue({ when: 'later' });
    expect(toSendRequest(f.getRawValue(), template()).scheduledAt).toBe(
      new Date('2030-05-01T09:30').toISOString(),
    );
  });
});
