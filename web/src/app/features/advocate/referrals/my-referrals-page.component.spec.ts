import { TestBed } from '@angular/core/testing';
import { MyReferralView, Page } from '@advocacy/shared';
import { of } from 'rxjs';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { MyReferralsPageComponent } from './my-referrals-page.component';

const ITEMS: MyReferralView[] = [
  {
    id: 'a',
    friendEmail: 'j***@example.com',
    status: 'qualified',
    reasonText: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    qualifiedAt: '2026-11-03T10:00:00.000Z',
  },
  {
    id: 'b',
    friendEmail: 'x***@mailinator.com',
    status: 'rejected',
    reasonText: "Your friend's email address is a temporary one.",
    createdAt: '2026-11-01T10:00:00.000Z',
    qualifiedAt: null,
  },
];

async function render(items: MyReferralView[]) {
  const page: Page<MyReferralView> = {
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: ReferralEventsApi, useValue: { mine: () => of(page) } },
    ],
  });
  const fixture = TestBed.createComponent(MyReferralsPageComponent);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const texts = (root: HTMLElement, testId: string) =>
  [...root.querySelectorAll(`[data-testid="${testId}"]`)].map((el) =>
    el.textContent?.trim(),
  );

describe('MyReferralsPageComponent', () => {
  it('lists masked friends with a status chip and the reason in plain words', async () => {
    const root = await render(ITEMS);
    expect(texts(root, 'friend-email')).toEqual([
      'j***@example.com',
      'x***@mailinator.com',
    ]);
    expect(texts(root, 'status')).toEqual(['Qualified', 'Not eligible']);
    expect(texts(root, 'reason')).toEqual([
      "Your friend's email address is a temporary one.",
    ]);
    expect(root.querySelector('[data-status="rejected"]')).not.toBeNull();
  });

  it('explains what to do when nobody joined yet', async () => {
    const root = await render([]);
    expect(root.textContent).toContain('No referrals yet');
    expect(root.querySelector('[data-testid="my-referrals"]')).toBeNull();
  });
});
