import { TestBed } from '@angular/core/testing';
import {
  provideHttpClientTesting,
  HttpTestingController,
} from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import { API_PATHS, apiUrl } from '@advocacy/shared';
import { firstValueFrom } from 'rxjs';
import { provideApiHttp } from '../http/provide-api-http';
import { sessionFor } from '../testing/session.fixtures';
import { AuthService } from './auth.service';

@Component({ template: '' })
class BlankComponent {}

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideApiHttp(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: BlankComponent }]),
      ],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('restores the session from the refresh cookie on start-up', async () => {
    const restored = auth.restore();
    const request = http.expectOne(apiUrl(API_PATHS.auth.refresh));
    expect(request.request.method).toBe('POST');
    request.flush(sessionFor('manager'));
    await restored;

    expect(auth.user()?.email).toBe('manager@example.com');
    expect(auth.role()).toBe('manager');
    expect(auth.isStaff()).toBe(true);
    expect(auth.accessToken()).toBe('token-manager');
  });

  it('starts signed out, without rejecting, when there is no refresh cookie', async () => {
    const restored = auth.restore();
    http
      .expectOne(apiUrl(API_PATHS.auth.refresh))
      .flush(
        { code: 'UNAUTHENTICATED', message: 'No session', errors: {} },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(restored).resolves.toBeUndefined();
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('stores the user and the token after signing in', async () => {
    const signedIn = firstValueFrom(
      auth.login({ email: 'advocate@example.com', password: 'secret-pass' }),
    );
    const request = http.expectOne(apiUrl(API_PATHS.auth.login));
    expect(request.request.body).toEqual({
      email: 'advocate@example.com',
      password: 'secret-pass',
    });
    request.flush(sessionFor('advocate'));

    expect((await signedIn).role).toBe('advocate');
    expect(auth.user()?.name).toBe('Sam advocate');
    expect(auth.isStaff()).toBe(false);
    expect(auth.accessToken()).toBe('token-advocate');
  });

  it('clears the session and goes to /login on sign-out, even if the server call fails', async () => {
    const signedIn = firstValueFrom(
      auth.login({ email: 'admin@example.com', password: 'secret-pass' }),
    );
    http.expectOne(apiUrl(API_PATHS.auth.login)).flush(sessionFor('admin'));
    await signedIn;

    const signedOut = firstValueFrom(auth.logout());
    http
      .expectOne(apiUrl(API_PATHS.auth.logout))
      .flush(null, { status: 500, statusText: 'Server Error' });
    await signedOut;
    await TestBed.inject(ApplicationRef).whenStable();

    expect(auth.user()).toBeNull();
    expect(auth.accessToken()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('shares one refresh call between concurrent callers', async () => {
    const first = firstValueFrom(auth.refresh());
    const second = firstValueFrom(auth.refresh());
    http
      .expectOne(apiUrl(API_PATHS.auth.refresh))
      .flush(sessionFor('brand', 'fresh'));

    expect(await first).toBe('fresh');
    expect(await second).toBe('fresh');
  });
});
