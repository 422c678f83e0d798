import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  API_PATHS,
  ConfirmApplicationEmailResult,
  apiUrl,
} from '@advocacy/shared';
import { provideApiHttp } from '../../../core/http/provide-api-http';
import { ConfirmEmailPageComponent } from './confirm-email-page.component';

const TOKEN = 'a'.repeat(43);
const URL = apiUrl(API_PATHS.ambassadors.publicConfirmEmail);

const RESULT: ConfirmApplicationEmailResult = {
  programmeName: 'Insiders',
  programmeSlug: 'insiders',
  state: 'submitted',
  confirmedNow: true,
  message: 'Thanks, your email is confirmed. We will be in touch.',
};

describe('ConfirmEmailPageComponent', () => {
  let fixture: ComponentFixture<ConfirmEmailPageComponent>;
  let http: HttpTestingController;

  const el = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      `[data-testid="${id}"]`,
    );
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideApiHttp(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConfirmEmailPageComponent);
    fixture.componentRef.setInput('token', TOKEN);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  /** The one request the page makes; fails the test if there is not exactly one. */
  function request(): TestRequest {
    const req = http.expectOne(URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ token: TOKEN });
    return req;
  }

  async function answerError(
    status: number,
    body: { code: string; message: string; errors: Record<string, string> },
  ): Promise<void> {
    request().flush(body, { status, statusText: 'Error' });
    await fixture.whenStable();
  }

  it('posts the token once, shows loading, then the confirmation with links', async () => {
    const req = request();
    expect(el('confirm-loading')).not.toBeNull();
    expect(el('confirm-success')).toBeNull();

    req.flush(RESULT);
    await fixture.whenStable();

    expect(el('confirm-loading')).toBeNull();
    const success = el('confirm-success');
    expect(success?.querySelector('h1')?.textContent?.trim()).toBe(
      'Email confirmed',
    );
    expect(success?.textContent).toContain(RESULT.message);
    expect(success?.textContent).toContain('Insiders');
    expect(el('confirm-programme-link')?.getAttribute('href')).toBe(
      '/ambassadors/insiders',
    );
    expect(success?.querySelector('a[href="/login"]')).not.toBeNull();
    expect(el('confirm-already')).toBeNull();
    expect(el('confirm-error')).toBeNull();
    // Nothing is posted again once the page has settled.
    http.expectNone(URL);
  });

  it('says calmly that an already used link changed nothing', async () => {
    request().flush({
      ...RESULT,
      confirmedNow: false,
      message: 'Your email was already confirmed.',
    });
    await fixture.whenStable();

    expect(el('confirm-success')).toBeNull();
    const already = el('confirm-already');
    expect(already?.textContent).toContain('already confirmed');
    expect(already?.textContent).toContain('Insiders');
    expect(el('confirm-programme-link')?.getAttribute('href')).toBe(
      '/ambassadors/insiders',
    );
    expect(el('confirm-error')).toBeNull();
  });

  it('explains an unknown link without a programme link', async () => {
    await answerError(404, {
      code: 'NOT_FOUND',
      message: 'Confirmation link was not found',
      errors: {},
    });

    const error = el('confirm-error');
    expect(error?.dataset['kind']).toBe('invalid');
    expect(error?.textContent).toContain('This link is not valid');
    expect(error?.textContent).toContain('Confirmation link was not found');
    expect(el('confirm-programme-link')).toBeNull();
    expect(el('confirm-success')).toBeNull();
  });

  it('tells someone with an expired link to apply again with the same email', async () => {
    await answerError(422, {
      code: 'UNPROCESSABLE',
      message: 'This confirmation link has expired',
      errors: {
        token: 'has expired; apply again with the same email to get a new link',
      },
    });

    const error = el('confirm-error');
    expect(error?.dataset['kind']).toBe('expired');
    expect(error?.textContent).toContain('This link has expired');
    expect(error?.textContent).toContain('This confirmation link has expired');
    expect(error?.textContent).toContain('apply again with the same email');
    expect(el('confirm-programme-link')).toBeNull();
  });

  it('offers to try again after another failure, and posts again only then', async () => {
    await answerError(503, {
      code: 'SERVICE_UNAVAILABLE',
      message: 'Try again shortly',
      errors: {},
    });
    expect(el('confirm-error')?.dataset['kind']).toBe('failed');
    expect(text()).toContain('Try again shortly');
    http.expectNone(URL);

    el('confirm-error')?.querySelector('button')?.click();
    await fixture.whenStable();
    request().flush(RESULT);
    await fixture.whenStable();
    expect(el('confirm-success')).not.toBeNull();
  });
});
