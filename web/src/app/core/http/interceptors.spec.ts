import { HttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { API_PATHS, apiUrl } from '@advocacy/shared';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { sessionFor } from '../testing/session.fixtures';
import { provideApiHttp } from './provide-api-http';

@Component({ template: '' })
class BlankComponent {}

const USERS_URL = apiUrl(API_PATHS.users.list);
const REFRESH_URL = apiUrl(API_PATHS.auth.refresh);
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const NO_SESSION = {
  code: 'UNAUTHENTICATED',
  message: 'Sign in again',
  errors: {},
};

describe('HTTP interceptor chain', () => {
  let api: ApiClient;
  let http: HttpTestingController;

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(
      TestBed.inject(AuthService).login({
        email: 'a@example.com',
        password: 'secret-pass',
      }),
    );
    http
      .expectOne(apiUrl(API_PATHS.auth.login))
      .flush(sessionFor('admin', token));
    await done;
  }

  function failureOf(request: Promise<unknown>): Promise<ApiError> {
    return request.then(
      () => {
        throw new Error('expected the request to fail');
      },
      (error: unknown) => error as ApiError,
    );
  }

  async function snackBarText(): Promise<string> {
    await TestBed.inject(ApplicationRef).whenStable();
    return (
      document.querySelector('.mat-mdc-snack-bar-container')?.textContent ?? ''
    );
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideApiHttp(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: BlankComponent }]),
      ],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((element) => element.remove());
  });

  describe('bearer token', () => {
    it('is attached to API requests once signed in', async () => {
      await signIn('abc');
      void firstValueFrom(api.get(API_PATHS.users.list));
      expect(
        http.expectOne(USERS_URL).request.headers.get('Authorization'),
      ).toBe('Bearer abc');
    });

    it('is never sent to other origins or paths', async () => {
      await signIn('abc');
      void firstValueFrom(
        TestBed.inject(HttpClient).get('https://cdn.example.com/data.json'),
      );
      expect(
        http
          .expectOne('https://cdn.example.com/data.json')
          .request.headers.has('Authorization'),
      ).toBe(false);
    });
  });

  describe('on 401', () => {
    it('refreshes once and retries with the new token', async () => {
      await signIn('stale');
      const result = firstValueFrom(api.get<string[]>(API_PATHS.users.list));

      http.expectOne(USERS_URL).flush(NO_SESSION, UNAUTHORIZED);
      http.expectOne(REFRESH_URL).flush(sessionFor('admin', 'fresh'));
      const retry = http.expectOne(USERS_URL);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer fresh');
      retry.flush(['ok']);

      expect(await result).toEqual(['ok']);
      expect(TestBed.inject(AuthService).accessToken()).toBe('fresh');
    });

    it('uses one refresh for several requests that fail together', async () => {
      await signIn('stale');
      const first = firstValueFrom(api.get(API_PATHS.users.list, { page: 1 }));
      const second = firstValueFrom(api.get(API_PATHS.users.list, { page: 2 }));

      http
        .match((request) => request.url === USERS_URL)
        .forEach((request) => request.flush(NO_SESSION, UNAUTHORIZED));
      http.expectOne(REFRESH_URL).flush(sessionFor('admin', 'fresh'));
      http
        .match((request) => request.url === USERS_URL)
        .forEach((request) => request.flush([]));

      await expect(Promise.all([first, second])).resolves.toEqual([[], []]);
    });

    it('ends the session and goes to /login when the refresh fails', async () => {
      await signIn('stale');
      await TestBed.inject(Router).navigateByUrl('/brand/admin/users');
      const failure = failureOf(firstValueFrom(api.get(API_PATHS.users.list)));

      http.expectOne(USERS_URL).flush(NO_SESSION, UNAUTHORIZED);
      http.expectOne(REFRESH_URL).flush(NO_SESSION, UNAUTHORIZED);

      const error = await failure;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(401);
      await TestBed.inject(ApplicationRef).whenStable();
      expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
      expect(TestBed.inject(Router).url).toBe(
        '/login?returnUrl=%2Fbrand%2Fadmin%2Fusers',
      );
    });

    it('does not refresh when signing in itself is refused', async () => {
      const failure = failureOf(
        firstValueFrom(
          TestBed.inject(AuthService).login({
            email: 'a@example.com',
            password: 'wrong-pass',
          }),
        ),
      );
      http.expectOne(apiUrl(API_PATHS.auth.login)).flush(
        {
          code: 'INVALID_CREDENTIALS',
          message: 'Email or password is incorrect',
          errors: {},
        },
        UNAUTHORIZED,
      );

      expect((await failure).code).toBe('INVALID_CREDENTIALS');
      http.expectNone(REFRESH_URL);
      expect(await snackBarText()).toBe('');
    });
  });

  describe('error mapping', () => {
    it('turns a validation body into field errors and leaves them to the form', async () => {
      const failure = failureOf(
        firstValueFrom(api.post(API_PATHS.users.invite, {})),
      );
      http.expectOne(apiUrl(API_PATHS.users.invite)).flush(
        {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are invalid',
          errors: { email: 'must be a valid email address' },
        },
        { status: 400, statusText: 'Bad Request' },
      );

      const error = await failure;
      expect(error).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid',
      });
      expect(error.fieldErrors).toEqual({
        email: 'must be a valid email address',
      });
      expect(await snackBarText()).toBe('');
    });

    it('announces an error without field errors in a snackbar', async () => {
      const failure = failureOf(firstValueFrom(api.get(API_PATHS.audit.list)));
      http
        .expectOne(apiUrl(API_PATHS.audit.list))
        .flush(
          { code: 'FORBIDDEN', message: 'Admins only', errors: {} },
          { status: 403, statusText: 'Forbidden' },
        );

      expect((await failure).code).toBe('FORBIDDEN');
      expect(await snackBarText()).toContain('Admins only');
    });

    it('quotes the request id of a server fault so support can trace it', async () => {
      const failure = failureOf(firstValueFrom(api.get(API_PATHS.audit.list)));
      http.expectOne(apiUrl(API_PATHS.audit.list)).flush(
        {
          code: 'INTERNAL',
          message: 'Something went wrong',
          errors: {},
          requestId: 'req-42',
        },
        { status: 500, statusText: 'Server Error' },
      );

      expect((await failure).requestId).toBe('req-42');
      expect(await snackBarText()).toContain(
        'Something went wrong (reference req-42)',
      );
    });

    it('stays quiet for requests marked silent', async () => {
      const failure = failureOf(
        firstValueFrom(api.get(API_PATHS.audit.list, {}, { silent: true })),
      );
      http
        .expectOne(apiUrl(API_PATHS.audit.list))
        .flush(
          { code: 'INTERNAL', message: 'Boom', errors: {} },
          { status: 500, statusText: 'Server Error' },
        );

      expect((await failure).code).toBe('INTERNAL');
      expect(await snackBarText()).toBe('');
    });

    it('explains a rate limit from a proxy using Retry-After', async () => {
      const failure = failureOf(firstValueFrom(api.get(API_PATHS.audit.list)));
      http.expectOne(apiUrl(API_PATHS.audit.list)).flush('Too Many Requests', {
        status: 429,
        statusText: 'Too Many Requests',
        headers: { 'Retry-After': '30' },
      });

      const error = await failure;
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toBe('Too many attempts. Try again in 30 seconds.');
    });

    it('reports an unreachable server as such', async () => {
      const failure = failureOf(firstValueFrom(api.get(API_PATHS.audit.list)));
      http
        .expectOne(apiUrl(API_PATHS.audit.list))
        .error(new ProgressEvent('error'), { status: 0 });

      const error = await failure;
      expect(error.status).toBe(0);
      expect(error.message).toContain('Cannot reach the server');
    });
  });
});
