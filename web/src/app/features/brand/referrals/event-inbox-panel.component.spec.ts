import { TestBed } from '@angular/core/testing';
import {
  EventInboxItem,
  EventInboxPage,
  EventInboxQuery,
} from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { EventInboxPanelComponent } from './event-inbox-panel.component';

function item(overrides: Partial<EventInboxItem>): EventInboxItem {
  return {
    id: 'e1',
    eventId: 'evt_1',
    type: 'purchase',
    state: 'processed',
    outcome: 'qualified',
    referralId: 'r1',
    attempts: 1,
    error: null,
    receivedAt: '2026-11-20T10:00:00.000Z',
    processedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}

const PARKED = item({
  id: 'e2',
  eventId: 'evt_stuck',
  type: 'refund',
  state: 'failed',
  outcome: null,
  referralId: null,
  attempts: 6,
  error: 'Connection terminated unexpectedly',
  processedAt: null,
});

async function render(retry: () => Observable<EventInboxItem>) {
  const queries: EventInboxQuery[] = [];
  const retried: string[] = [];
  const errors: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ReferralEventsApi,
        useValue: {
          inbox: (query: EventInboxQuery): Observable<EventInboxPage> => {
            queries.push(query);
            const items = [item({}), PARKED].filter(
              (row) => !query.state || row.state === query.state,
            );
            return of({
              items,
              total: items.length,
              page: 1,
              pageSize: 25,
              counts: { received: 0, processed: 1, failed: 1 },
            });
          },
          retryEvent: (id: string) => {
            retried.push(id);
            return retry();
          },
        },
      },
      {
        provide: Notifier,
        useValue: {
          info: () => undefined,
          error: (message: string) => errors.push(message),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(EventInboxPanelComponent);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  return { fixture, root, queries, retried, errors };
}

describe('EventInboxPanelComponent', () => {
  it('shows counts per state and filters by the state clicked, then clears on a second click', async () => {
    const { fixture, root, queries } = await render(() => of(PARKED));
    expect(
      root.querySelector('[data-testid="inbox-count-failed"] strong')
        ?.textContent,
    ).toBe('1');
    expect(root.querySelectorAll('tr.mat-mdc-row')).toHaveLength(2);
    const failed = root.querySelector<HTMLButtonElement>(
      '[data-testid="inbox-count-failed"]',
    ) as HTMLButtonElement;
    failed.click();
    await fixture.whenStable();
    expect(queries.at(-1)).toMatchObject({ state: 'failed', page: 1 });
    expect(root.querySelectorAll('tr.mat-mdc-row')).toHaveLength(1);
    expect(failed.getAttribute('aria-pressed')).toBe('true');
    failed.click();
    await fixture.whenStable();
    expect(queries.at(-1)?.state).toBeUndefined();
  });

  it('offers a retry only for parked events and explains their error', async () => {
    const { fixture, root, retried } = await render(() =>
      of({ ...PARKED, state: 'received', attempts: 0, error: null }),
    );
    const buttons = root.querySelectorAll<HTMLButtonElement>(
      '[data-testid="retry-event"]',
    );
    expect(buttons).toHaveLength(1);
    expect(root.textContent).toContain('Connection terminated unexpectedly');
    buttons[0].click();
    await fixture.whenStable();
    expect(retried).toEqual(['e2']);
  });

  it('says why a retry was refused when the server names the field', async () => {
    const { fixture, root, errors } = await render(() =>
      throwError(
        () =>
          new ApiError(409, 'CONFLICT', 'Only a failed event can be retried', {
            state: 'is processed',
          }),
      ),
    );
    root
      .querySelector<HTMLButtonElement>('[data-testid="retry-event"]')
      ?.click();
    await fixture.whenStable();
    expect(errors).toEqual(['Only a failed event can be retried']);
  });
});
