import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  AcceptInviteRequest,
  AuthSession,
  JoinRequest,
  LoginRequest,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  login(body: LoginRequest): Observable<AuthSession> {
    return this.api.post<AuthSession>(API_PATHS.auth.login, body);
  }

  /** Silent: a missing or expired refresh cookie is the normal signed-out state. */
  refresh(): Observable<AuthSession> {
    return this.api.post<AuthSession>(API_PATHS.auth.refresh, null, {
      silent: true,
    });
  }

  logout(): Observable<void> {
    return this.api.post<void>(API_PATHS.auth.logout, null, { silent: true });
  }

  acceptInvite(body: AcceptInviteRequest): Observable<AuthSession> {
    return this.api.post<AuthSession>(API_PATHS.auth.acceptInvite, body);
  }

  join(body: JoinRequest): Observable<AuthSession> {
    return this.api.post<AuthSession>(API_PATHS.auth.join, body);
  }
}
