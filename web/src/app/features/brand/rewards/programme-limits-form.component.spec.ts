import { TestBed } from '@angular/core/testing';
import { ProgrammeLimits, ProgrammeLimitsRequest } from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { RewardsApi } from '../../../core/api/rewards-api';
import { ProgrammeLimitsFormComponent } from './programme-limits-form.component';

const LIMITS: ProgrammeLimits = {
  programmeId: 'p1',
  programmeName: 'Give $10, get $10',
  budgets: [
    {
      period: 'month',
      limitMinor: 50000,
      usedMinor: 5500,
      currency: 'USD',
      periodStart: null,
      periodEnd: null,
    },
  ],
  caps: [{ period: 'year', maxCount: 12, maxAmountMinor: null }],
  minClaimMinor: 2000,
};

async function render(answer: () => Observable<ProgrammeLimits>) {
  const sent: ProgrammeLimitsRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: RewardsApi,
        useValue: {
          setLimits: (_id: string, body: ProgrammeLimitsRequest) => {
            sent.push(body);
            return answer();
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ProgrammeLimitsFormComponent);
  fixture.componentRef.setInput('limits', LIMITS);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    root
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { root, sent, submit };
}

describe('ProgrammeLimitsFormComponent', () => {
  it('shows dollars and sends the same limits back in cents', async () => {
    const { root, sent, submit } = await render(() => of(LIMITS));
    const inputs = [
      ...root.querySelectorAll<HTMLInputElement>('input[type="number"]'),
    ].map((input) => input.value);
    expect(inputs).toEqual(['500', '12', '', '20']);
    await submit();
    expect(sent).toEqual([
      {
        budgets: [{ period: 'month', limitMinor: 50000 }],
        caps: [{ period: 'year', maxCount: 12, maxAmountMinor: null }],
        minClaimMinor: 2000,
      },
    ]);
  });

  it("puts the server's field message on the minimum claim field", async () => {
    const error = new ApiError(
      400,
      'VALIDATION_FAILED',
      'Some fields are invalid',
      { minClaimMinor: 'must be zero or more' },
    );
    const { root, submit } = await render(() => throwError(() => error));
    await submit();
    expect(root.textContent).toContain('Must be zero or more');
  });
});
