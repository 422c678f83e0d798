import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { API_PATHS, apiUrl } from '@advocacy/shared';
import { provideApiHttp } from '../../core/http/provide-api-http';
import { provideAppIcons } from '../../core/icons/app-icons';
import { sessionFor } from '../../core/testing/session.fixtures';
import { LoginPageComponent } from './login-page.component';

@Component({ template: '' })
class BlankComponent {}

describe('LoginPageComponent', () => {
  let fixture: ComponentFixture<LoginPageComponent>;
  let http: HttpTestingController;

  const byTestId = <T extends HTMLElement>(id: string): T =>
    fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T;

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    for (const [id, value] of [
      ['login-email', email],
      ['login-password', password],
    ]) {
      const input = byTestId<HTMLInputElement>(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    byTestId<HTMLButtonElement>('login-submit').click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPageComponent],
      providers: [
        provideApiHttp(),
        provideHttpClientTesting(),
        provideAppIcons(),
        provideRouter([{ path: '**', component: BlankComponent }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPageComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows a server field error under the matching field', async () => {
    await fillAndSubmit('ann@example.com', 'secret-pass');
    expect(byTestId<HTMLButtonElement>('login-submit').disabled).toBe(true);

    http.expectOne(apiUrl(API_PATHS.auth.login)).flush(
      {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid',
        errors: { email: 'must be a valid email address' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const emailField = byTestId('login-email').closest(
      'mat-form-field',
    ) as HTMLElement;
    expect(emailField.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Must be a valid email address.',
    );
    const passwordField = byTestId('login-password').closest(
      'mat-form-field',
    ) as HTMLElement;
    expect(passwordField.querySelector('mat-error')).toBeNull();
    expect(byTestId<HTMLButtonElement>('login-submit').disabled).toBe(false);
  });

  it('shows wrong credentials above the form', async () => {
    await fillAndSubmit('ann@example.com', 'wrong-pass');
    http.expectOne(apiUrl(API_PATHS.auth.login)).flush(
      {
        code: 'INVALID_CREDENTIALS',
        message: 'Email or password is incorrect',
        errors: {},
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();

    expect(byTestId('login-error').textContent?.trim()).toBe(
      'Email or password is incorrect',
    );
  });

  it('does not call the server while required fields are empty', async () => {
    await fillAndSubmit('', '');

    http.expectNone(apiUrl(API_PATHS.auth.login));
    expect(fixture.nativeElement.querySelectorAll('mat-error').length).toBe(2);
  });

  it('goes to the home of the signed-in role', async () => {
    await fillAndSubmit('sam@example.com', 'secret-pass');
    http.expectOne(apiUrl(API_PATHS.auth.login)).flush(sessionFor('manager'));
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/brand');
  });
});
