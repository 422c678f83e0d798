import { MyAmbassadorProgramme, MyApplication } from '@advocacy/shared';
import { applicantView, statusSteps } from './applicant-view';

const base: MyAmbassadorProgramme = {
  id: 'p',
  name: 'Insiders',
  slug: 'insiders',
  description: '',
  status: 'open',
  eligibility: { eligible: true, reasons: [] },
  form: null,
  application: null,
  isAmbassador: false,
  perks: [],
  training: [],
};

const app = (over: Partial<MyApplication>): MyApplication => ({
  id: 'a',
  state: 'submitted',
  answers: {},
  formVersion: 1,
  decisionMessage: null,
  submittedAt: null,
  decidedAt: null,
  waitlistPosition: null,
  reapplyAt: null,
  canReapply: false,
  history: [],
  ...over,
});

describe('applicantView', () => {
  it('shows the form to an eligible visitor, and keeps showing it for a draft', () => {
    expect(applicantView(base)).toBe('form');
    expect(
      applicantView({ ...base, application: app({ state: 'draft' }) }),
    ).toBe('form');
  });

  it('explains ineligibility before any form', () => {
    expect(
      applicantView({
        ...base,
        eligibility: { eligible: false, reasons: ['x'] },
      }),
    ).toBe('ineligible');
  });

  it('shows the status of an open application or a decision still in its cooldown', () => {
    expect(
      applicantView({ ...base, application: app({ state: 'waitlisted' }) }),
    ).toBe('status');
    expect(
      applicantView({
        ...base,
        application: app({ state: 'rejected', canReapply: false }),
      }),
    ).toBe('status');
    expect(
      applicantView({
        ...base,
        application: app({ state: 'rejected', canReapply: true }),
      }),
    ).toBe('form');
  });

  it('prefers the ambassador view, and says when a programme is closed', () => {
    expect(
      applicantView({
        ...base,
        isAmbassador: true,
        application: app({ state: 'approved' }),
      }),
    ).toBe('ambassador');
    expect(applicantView({ ...base, status: 'closed' })).toBe('closed');
  });
});

describe('statusSteps', () => {
  it('marks the steps reached and names the pending decision', () => {
    expect(statusSteps('in_review')).toEqual([
      { label: 'Received', done: true, current: false },
      { label: 'In review', done: true, current: true },
      { label: 'Decision', done: false, current: false },
    ]);
    expect(statusSteps('waitlisted').map((s) => s.label)).toEqual([
      'Received',
      'In review',
      'On the waitlist',
    ]);
  });
});
