import { TestBed } from '@angular/core/testing';
import { ApplicationDetail, UNKNOWN_SEGMENT_SNAPSHOT } from '@advocacy/shared';
import { of } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { Notifier } from '../../../core/notify/notifier.service';
import { ApplicationDetailComponent } from './application-detail.component';

function detail(overrides: Partial<ApplicationDetail>): ApplicationDetail {
  return {
    id: 'app-1',
    programmeId: 'prog-1',
    customerId: 'cust-1',
    customerName: 'Pat Public',
    customerEmail: 'pat@example.com',
    state: 'submitted',
    score: 90,
    channel: 'public',
    emailConfirmedAt: null,
    segmentSnapshot: UNKNOWN_SEGMENT_SNAPSHOT,
    currentSegmentKey: null,
    currentSegmentName: null,
    formVersion: 1,
    reasonCode: null,
    submittedAt: '2026-11-20T10:00:00.000Z',
    decidedAt: null,
    revokedAt: null,
    answers: {},
    fields: [],
    facts: {
      segmentKey: 'unsurveyed',
      segmentName: 'Not yet surveyed',
      npsCategory: 'unknown',
      lastNps: null,
      qualifiedReferrals: 1,
      customerDays: 10,
    },
    currentSegment: UNKNOWN_SEGMENT_SNAPSHOT,
    referrals: { total: 1, qualified: 1, pending: 0, rejected: 0 },
    npsHistory: [],
    notes: [],
    decisionMessage: null,
    history: [],
    ...overrides,
  };
}

async function render(application: ApplicationDetail) {
  TestBed.configureTestingModule({
    providers: [
      provideAppIcons(),
      {
        provide: AmbassadorsApi,
        useValue: { application: () => of(application) },
      },
      { provide: Notifier, useValue: { info: () => undefined } },
    ],
  });
  const fixture = TestBed.createComponent(ApplicationDetailComponent);
  fixture.componentRef.setInput('applicationId', application.id);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const line = () =>
    (root.querySelector('header p.muted')?.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  const chip = () =>
    root.querySelector('[data-testid="application-email-unconfirmed"]');
  return { line, chip };
}

describe('ApplicationDetailComponent channel line', () => {
  it('says the portal for portal applications, with no warning', async () => {
    const { line, chip } = await render(
      detail({
        channel: 'portal',
        emailConfirmedAt: '2026-11-20T10:00:00.000Z',
      }),
    );
    expect(line()).toContain('via the portal · form v1');
    expect(chip()).toBeNull();
  });

  it('gives the date a public applicant confirmed their email', async () => {
    const { line, chip } = await render(
      detail({ emailConfirmedAt: '2026-11-21T12:00:00.000Z' }),
    );
    expect(line()).toContain(
      'via the public form (email confirmed 21 Nov 2026) · form v1',
    );
    expect(chip()).toBeNull();
  });

  it('warns when a public applicant has not confirmed their email', async () => {
    const { line, chip } = await render(detail({ emailConfirmedAt: null }));
    expect(line()).toContain('via the public form · form v1');
    expect(line()).not.toContain('confirmed');
    expect(chip()?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Email not confirmed',
    );
  });
});
