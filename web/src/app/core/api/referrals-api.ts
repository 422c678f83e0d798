import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  MyProgramme,
  MyReferrals,
  Page,
  ProgrammeListQuery,
  ProgrammeRequest,
  ProgrammeSummary,
  ReferralFunnel,
  VanityCodeRequest,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly api = inject(ApiClient);

  programmes(query: ProgrammeListQuery): Observable<Page<ProgrammeSummary>> {
    return this.api.get<Page<ProgrammeSummary>>(
      API_PATHS.referrals.programmes,
      query,
    );
  }

  createProgramme(body: ProgrammeRequest): Observable<ProgrammeSummary> {
    return this.api.post<ProgrammeSummary>(
      API_PATHS.referrals.programmes,
      body,
    );
  }

  updateProgramme(
    id: string,
    body: ProgrammeRequest,
  ): Observable<ProgrammeSummary> {
    return this.api.put<ProgrammeSummary>(API_PATHS.referrals.programme, body, {
      pathParams: { id },
    });
  }

  move(id: string, action: 'activate' | 'pause'): Observable<ProgrammeSummary> {
    return this.api.post<ProgrammeSummary>(API_PATHS.referrals[action], null, {
      pathParams: { id },
    });
  }

  my(): Observable<MyReferrals> {
    return this.api.get<MyReferrals>(API_PATHS.referrals.my);
  }

  setVanity(body: VanityCodeRequest): Observable<MyProgramme> {
    return this.api.put<MyProgramme>(API_PATHS.referrals.myVanity, body, {});
  }

  stats(programmeId: string): Observable<ReferralFunnel> {
    return this.api.get<ReferralFunnel>(API_PATHS.referrals.myStats, {
      programmeId,
    });
  }

  /** The QR PNG as a blob: an <img> could not carry the auth header. */
  qr(programmeId: string): Observable<Blob> {
    return this.api.download(API_PATHS.referrals.myQr, { programmeId });
  }
}
