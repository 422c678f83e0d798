import { TestBed } from '@angular/core/testing';
import { MyProgramme, ReferralFunnel } from '@advocacy/shared';
import { of } from 'rxjs';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { ShareCardComponent } from './share-card.component';

// jsdom has no canvas, so chart.js is replaced by an inert stand-in.
jest.mock('chart.js', () => {
  class Chart {
    static register = jest.fn();
    update = jest.fn();
    destroy = jest.fn();
  }
  return { ...jest.requireActual('chart.js'), Chart };
});

const PROGRAMME: MyProgramme = {
  programmeId: 'p1',
  name: 'Give $10, get $10',
  referrerReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
  friendReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
  eligible: true,
  reason: null,
  code: 'abcdefghjk',
  vanityCode: null,
  shareUrl: 'https://portal.test/r/abcdefghjk',
};
const FUNNEL: ReferralFunnel = {
  programmeId: 'p1',
  clicks: 12,
  uniqueClicks: 9,
  conversions: null,
  days: [],
};

async function render(programme: MyProgramme) {
  URL.createObjectURL = jest.fn(() => 'blob:qr-1');
  URL.revokeObjectURL = jest.fn();
  const qrRequests: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideAppIcons(),
      {
        provide: ReferralsApi,
        useValue: {
          qr: (id: string) => {
            qrRequests.push(id);
            return of(new Blob(['png']));
          },
          stats: () => of(FUNNEL),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ShareCardComponent);
  fixture.componentRef.setInput('programme', programme);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { root, el, qrRequests };
}

describe('ShareCardComponent', () => {
  it('shows the link, QR code, funnel and plain share links', async () => {
    const { el, qrRequests } = await render(PROGRAMME);
    expect((el('share-url') as HTMLInputElement).value).toBe(
      'https://portal.test/r/abcdefghjk',
    );
    expect(el('offer-text')?.textContent).toContain('$10.00 store credit');
    expect(qrRequests).toEqual(['p1']);
    expect(el('share-qr')?.getAttribute('src')).toBe('blob:qr-1');
    expect(el('funnel-summary')?.textContent).toBe(
      'Clicks: 12, Unique visitors: 9',
    );
    const whatsapp = el('share-whatsapp') as HTMLAnchorElement;
    expect(whatsapp.href).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(whatsapp.href).toContain(
      encodeURIComponent('https://portal.test/r/abcdefghjk'),
    );
    expect(whatsapp.target).toBe('_blank');
    expect(whatsapp.rel).toContain('noopener');
    expect((el('share-linkedin') as HTMLAnchorElement).href).toBe(
      'https://www.linkedin.com/sharing/share-offsite/?url=' +
        encodeURIComponent('https://portal.test/r/abcdefghjk'),
    );
    expect((el('share-email') as HTMLAnchorElement).href).toMatch(/^mailto:/);
  });

  it('explains why an advocate cannot share, without a link or QR', async () => {
    const { el, qrRequests } = await render({
      ...PROGRAMME,
      eligible: false,
      code: null,
      shareUrl: null,
      reason: 'This programme is open to promoters and passives',
    });
    expect(el('share-ineligible')?.textContent).toBe(
      'This programme is open to promoters and passives',
    );
    expect(el('share-url')).toBeNull();
    expect(qrRequests).toEqual([]);
  });
});
