import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  AcceptInviteRequest,
  AuthSession,
  JoinRequest,
  LoginRequest,
  SessionUser,
  isStaff,
} from '@advocacy/shared';
import {
  Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  tap,
} from 'rxjs';
import { AuthApi } from '../api/auth-api';
import { Notifier } from '../notify/notifier.service';

/** Holds the session; the access token lives only in memory, the refresh token in an httpOnly cookie. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  private readonly session = signal<AuthSession | null>(null);
  private refreshing: Observable<string | null> | null = null;

  readonly user = computed<SessionUser | null>(
    () => this.session()?.user ?? null,
  );
  readonly role = computed(() => this.user()?.role ?? null);
  readonly isSignedIn = computed(() => this.user() !== null);
  readonly isStaff = computed(() => {
    const role = this.role();
    return role !== null && isStaff(role);
  });

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /** Runs once at start-up; never rejects, so a signed-out visitor still gets the app. */
  restore(): Promise<void> {
    return firstValueFrom(this.refresh()).then(() => undefined);
  }

  login(request: LoginRequest): Observable<SessionUser> {
    return this.api.login(request).pipe(map((session) => this.start(session)));
  }

  join(request: JoinRequest): Observable<SessionUser> {
    return this.api.join(request).pipe(map((session) => this.start(session)));
  }

  acceptInvite(request: AcceptInviteRequest): Observable<SessionUser> {
    return this.api
      .acceptInvite(request)
      .pipe(map((session) => this.start(session)));
  }

  /** Concurrent callers share one refresh call; emits the new access token, or null when the session is gone. */
  refresh(): Observable<string | null> {
    this.refreshing ??= this.api.refresh().pipe(
      map((session) => {
        this.session.set(session);
        return session.accessToken;
      }),
      catchError(() => of(null)),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  logout(): Observable<void> {
    return this.api.logout().pipe(
      catchError(() => of(undefined)),
      tap(() => {
        this.session.set(null);
        void this.router.navigateByUrl('/login');
      }),
      map(() => undefined),
    );
  }

  /** The server no longer accepts this session: drop it and send the user to sign in. */
  expire(): void {
    const hadSession = this.session() !== null;
    this.session.set(null);
    if (hadSession)
      this.notifier.info('Your session has ended. Please sign in again.');
    const current = this.router.url;
    if (current.startsWith('/login')) return;
    void this.router.navigate(['/login'], {
      queryParams: { returnUrl: current },
    });
  }

  private start(session: AuthSession): SessionUser {
    this.session.set(session);
    return session.user;
  }
}
