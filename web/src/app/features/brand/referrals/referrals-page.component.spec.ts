import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EventInboxPage, EventInboxQuery } from '@advocacy/shared';
import { Observable, of } from 'rxjs';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { ReferralsPageComponent, tabIndex } from './referrals-page.component';

const EMPTY = { items: [], total: 0, page: 1, pageSize: 25 };

async function open(url: string) {
  const inboxQueries: EventInboxQuery[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [{ path: 'brand/referrals', component: ReferralsPageComponent }],
        withComponentInputBinding(),
      ),
      {
        provide: ReferralEventsApi,
        useValue: {
          list: () => of(EMPTY),
          reviews: () => of(EMPTY),
          stats: () =>
            of({
              funnel: [],
              revenueMinor: 0,
              rewardsIssued: 0,
              rewardsValueMinor: 0,
            }),
          inbox: (query: EventInboxQuery): Observable<EventInboxPage> => {
            inboxQueries.push(query);
            return of({
              ...EMPTY,
              counts: { received: 0, processed: 0, failed: 0 },
            });
          },
        },
      },
      {
        provide: Notifier,
        useValue: { info: () => undefined, error: () => undefined },
      },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  await harness.fixture.whenStable();
  const router = TestBed.inject(Router);
  const root = harness.routeNativeElement as HTMLElement;
  const has = (testId: string) =>
    root.querySelector(`[data-testid="${testId}"]`) !== null;
  const selected = () =>
    root
      .querySelector('[role="tab"][aria-selected="true"]')
      ?.textContent?.trim();
  const clickTab = async (label: string) => {
    const tab = Array.from(
      root.querySelectorAll<HTMLElement>('[role="tab"]'),
    ).find((el) => el.textContent?.trim() === label);
    tab?.click();
    await harness.fixture.whenStable();
  };
  return { harness, router, has, selected, clickTab, inboxQueries };
}

describe('tabIndex', () => {
  it('maps the tab query value to its index, anything else to the first tab', () => {
    expect(tabIndex('events')).toBe(1);
    expect(tabIndex('referrals')).toBe(0);
    expect(tabIndex(undefined)).toBe(0);
    expect(tabIndex(null)).toBe(0);
    expect(tabIndex('nope')).toBe(0);
  });
});

describe('ReferralsPageComponent', () => {
  it('opens on the referrals tab and loads no events until that tab is shown', async () => {
    const { has, selected, inboxQueries } = await open('/brand/referrals');
    expect(selected()).toBe('Referrals');
    expect(has('referrals-table')).toBe(true);
    expect(has('event-inbox')).toBe(false);
    expect(inboxQueries).toEqual([]);
  });

  it('opens the events tab straight from ?tab=events', async () => {
    const { has, selected, inboxQueries } = await open(
      '/brand/referrals?tab=events',
    );
    expect(selected()).toBe('Incoming events');
    expect(has('event-inbox')).toBe(true);
    expect(has('referrals-table')).toBe(false);
    expect(inboxQueries).toHaveLength(1);
  });

  it('keeps the chosen tab in the URL, and the first tab leaves it bare', async () => {
    const { router, has, selected, clickTab } = await open('/brand/referrals');
    await clickTab('Incoming events');
    expect(router.url).toBe('/brand/referrals?tab=events');
    expect(selected()).toBe('Incoming events');
    expect(has('event-inbox')).toBe(true);

    await clickTab('Referrals');
    expect(router.url).toBe('/brand/referrals');
    expect(selected()).toBe('Referrals');
  });

  it('follows the URL when it changes under the page', async () => {
    const { harness, selected } = await open('/brand/referrals');
    await harness.navigateByUrl('/brand/referrals?tab=events');
    await harness.fixture.whenStable();
    expect(selected()).toBe('Incoming events');
  });
});
