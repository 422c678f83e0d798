import { TestBed } from '@angular/core/testing';
import {
  Page,
  ReferralDecisionRequest,
  ReferralView,
  UNKNOWN_SEGMENT_SNAPSHOT,
} from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import {
  ReferralDecision,
  ReferralEventsApi,
} from '../../../core/api/referral-events-api';
import { ReviewQueuePanelComponent } from './review-queue-panel.component';

const HELD: ReferralView = {
  id: 'r1',
  programmeId: 'p1',
  referrerCustomerId: 'c1',
  referrerEmail: 'ada@example.com',
  friendEmail: 'bob@example.com',
  status: 'in_review',
  reasonCode: 'velocity',
  reasonText: 'We are checking this referral because many arrived at once.',
  segmentKey: 'promoters',
  segmentSnapshot: { ...UNKNOWN_SEGMENT_SNAPSHOT, segmentName: 'Promoters' },
  attributionSource: 'code',
  purchaseAmountMinor: 5000,
  currency: 'USD',
  flags: [
    { rule: 'velocity', mode: 'enforce', decision: 'pending', note: null },
  ],
  createdAt: '2026-11-01T00:00:00.000Z',
  qualifiedAt: null,
};

async function render(reject: () => Observable<ReferralDecision>) {
  const calls: { kind: string; id: string; body: ReferralDecisionRequest }[] =
    [];
  const page: Page<ReferralView> = {
    items: [HELD],
    total: 1,
    page: 1,
    pageSize: 25,
  };
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ReferralEventsApi,
        useValue: {
          reviews: () => of(page),
          approve: (id: string, body: ReferralDecisionRequest) => {
            calls.push({ kind: 'approve', id, body });
            return of({ id, status: 'qualified' });
          },
          reject: (id: string, body: ReferralDecisionRequest) => {
            calls.push({ kind: 'reject', id, body });
            return reject();
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ReviewQueuePanelComponent);
  const decided: ReferralDecision[] = [];
  fixture.componentInstance.decided.subscribe((d) => decided.push(d));
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const click = async (testId: string) => {
    root.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click();
    await fixture.whenStable();
  };
  const type = async (value: string) => {
    const note = root.querySelector<HTMLTextAreaElement>(
      '[data-testid="review-note"]',
    ) as HTMLTextAreaElement;
    note.value = value;
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const error = () => root.querySelector('mat-error')?.textContent?.trim();
  return { root, click, type, error, calls, decided };
}

describe('ReviewQueuePanelComponent', () => {
  it('shows why a referral is held and approves it without a note', async () => {
    const { root, click, calls, decided } = await render(() =>
      of({ id: 'r1', status: 'rejected' }),
    );
    expect(root.textContent).toContain('velocity (pending)');
    await click('review-approve');
    await click('review-confirm');
    expect(calls).toEqual([{ kind: 'approve', id: 'r1', body: {} }]);
    expect(decided).toEqual([{ id: 'r1', status: 'qualified' }]);
  });

  it('will not reject without a note, then sends the trimmed note', async () => {
    const { click, type, error, calls } = await render(() =>
      of({ id: 'r1', status: 'rejected' }),
    );
    await click('review-reject');
    await click('review-confirm');
    expect(calls).toEqual([]);
    expect(error()).toMatch(/required/i);
    await type('  Same household  ');
    await click('review-confirm');
    expect(calls).toEqual([
      { kind: 'reject', id: 'r1', body: { note: 'Same household' } },
    ]);
  });

  it('puts the server message on the note field', async () => {
    const { click, type, error } = await render(() =>
      throwError(
        () =>
          new ApiError(400, 'VALIDATION_FAILED', 'Some fields are invalid', {
            note: 'is too long',
          }),
      ),
    );
    await click('review-reject');
    await type('x');
    await click('review-confirm');
    expect(error()).toMatch(/too long/i);
  });
});
