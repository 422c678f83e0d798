import { TestBed } from '@angular/core/testing';
import { MyProgramme, VanityCodeRequest } from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { VanityFormComponent } from './vanity-form.component';

const SAVED: MyProgramme = {
  programmeId: 'p1',
  name: 'Give $10, get $10',
  referrerReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
  friendReward: null,
  eligible: true,
  reason: null,
  code: 'abcdefghjk',
  vanityCode: 'ada-loves-tea',
  shareUrl: 'https://portal.test/r/ada-loves-tea',
};

async function render(answer: () => Observable<MyProgramme>) {
  const sent: VanityCodeRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ReferralsApi,
        useValue: {
          setVanity: (body: VanityCodeRequest) => {
            sent.push(body);
            return answer();
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(VanityFormComponent);
  fixture.componentRef.setInput('programmeId', 'p1');
  const saved: MyProgramme[] = [];
  fixture.componentInstance.saved.subscribe((p) => saved.push(p));
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const input = root.querySelector<HTMLInputElement>(
    '[data-testid="vanity-input"]',
  ) as HTMLInputElement;
  const submit = async (value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    root
      .querySelector<HTMLButtonElement>('[data-testid="vanity-submit"]')
      ?.click();
    await fixture.whenStable();
  };
  const error = () => root.querySelector('mat-error')?.textContent?.trim();
  return { submit, error, sent, saved };
}

describe('VanityFormComponent', () => {
  it('refuses a reserved or malformed code before sending', async () => {
    const { submit, error, sent } = await render(() => of(SAVED));
    await submit('admin');
    expect(error()).toBe('Is reserved.');
    await submit('-tea');
    expect(error()).toBe('May not start or end with a hyphen.');
    await submit('abc');
    expect(error()).toBe('Must be at least 4 characters.');
    expect(sent).toEqual([]);
  });

  it('sends a valid code and reports the saved programme', async () => {
    const { submit, sent, saved } = await render(() => of(SAVED));
    await submit(' Ada-Loves-Tea ');
    expect(sent).toEqual([{ programmeId: 'p1', code: 'Ada-Loves-Tea' }]);
    expect(saved).toEqual([SAVED]);
  });

  it('shows the server’s "is taken" on the field', async () => {
    const { submit, error, saved } = await render(() =>
      throwError(
        () =>
          new ApiError(409, 'CONFLICT', 'That code is taken', {
            code: 'is taken',
          }),
      ),
    );
    await submit('ada-loves-tea');
    expect(error()).toBe('Is taken.');
    expect(saved).toEqual([]);
  });
});
