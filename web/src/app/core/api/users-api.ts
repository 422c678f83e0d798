import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  InviteCreated,
  InviteStaffRequest,
  Page,
  UpdateUserRequest,
  UserQuery,
  UserSummary,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(query: UserQuery): Observable<Page<UserSummary>> {
    return this.api.get<Page<UserSummary>>(API_PATHS.users.list, query);
  }

  invite(body: InviteStaffRequest): Observable<InviteCreated> {
    return this.api.post<InviteCreated>(API_PATHS.users.invite, body);
  }

  update(id: string, body: UpdateUserRequest): Observable<UserSummary> {
    return this.api.patch<UserSummary>(API_PATHS.users.byId, body, {
      pathParams: { id },
    });
  }
}
