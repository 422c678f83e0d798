import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  CouponImportResult,
  CouponPoolSummary,
  CreateCouponPoolRequest,
  ManualGrantRequest,
  MarkPaidRequest,
  Page,
  PageQuery,
  ProgrammeLimits,
  ProgrammeLimitsRequest,
  ReverseRewardRequest,
  ReviewRewardRequest,
  RewardAdminRow,
  RewardListQuery,
  RewardSummary,
  RewardTierRequest,
  RewardTierSummary,
  Wallet,
  YearlyTotalRow,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
export class RewardsApi {
  private readonly api = inject(ApiClient);

  mine(query: PageQuery): Observable<Page<RewardSummary>> {
    return this.api.get<Page<RewardSummary>>(API_PATHS.rewards.mine, query);
  }

  wallet(): Observable<Wallet> {
    return this.api.get<Wallet>(API_PATHS.rewards.wallet);
  }

  /** The caller keeps `idempotencyKey` for retries of the same attempt. */
  claim(id: string, idempotencyKey: string): Observable<RewardSummary> {
    return this.api.post<RewardSummary>(
      API_PATHS.rewards.claim,
      {},
      {
        pathParams: { id },
        headers: { 'Idempotency-Key': idempotencyKey },
        silent: true,
      },
    );
  }

  list(query: RewardListQuery): Observable<Page<RewardAdminRow>> {
    return this.api.get<Page<RewardAdminRow>>(API_PATHS.rewards.list, query);
  }

  grant(body: ManualGrantRequest): Observable<RewardSummary> {
    return this.api.post<RewardSummary>(API_PATHS.rewards.list, body);
  }

  review(id: string, body: ReviewRewardRequest): Observable<RewardSummary> {
    return this.api.post<RewardSummary>(API_PATHS.rewards.review, body, {
      pathParams: { id },
    });
  }

  markPaid(id: string, body: MarkPaidRequest): Observable<RewardSummary> {
    return this.api.post<RewardSummary>(API_PATHS.rewards.markPaid, body, {
      pathParams: { id },
    });
  }

  reverse(id: string, body: ReverseRewardRequest): Observable<RewardSummary> {
    return this.api.post<RewardSummary>(API_PATHS.rewards.reverse, body, {
      pathParams: { id },
    });
  }

  tiers(
    programmeId: string,
    query: PageQuery,
  ): Observable<Page<RewardTierSummary>> {
    return this.api.get<Page<RewardTierSummary>>(
      API_PATHS.rewards.programmeTiers,
      query,
      { pathParams: { id: programmeId } },
    );
  }

  createTier(
    programmeId: string,
    body: RewardTierRequest,
  ): Observable<RewardTierSummary> {
    return this.api.post<RewardTierSummary>(
      API_PATHS.rewards.programmeTiers,
      body,
      {
        pathParams: { id: programmeId },
      },
    );
  }

  updateTier(
    id: string,
    body: RewardTierRequest,
  ): Observable<RewardTierSummary> {
    return this.api.put<RewardTierSummary>(API_PATHS.rewards.tier, body, {
      pathParams: { id },
    });
  }

  deleteTier(id: string): Observable<void> {
    return this.api.delete<void>(API_PATHS.rewards.tier, {
      pathParams: { id },
    });
  }

  payoutsCsv(): Observable<Blob> {
    return this.api.download(API_PATHS.rewards.payoutsCsv);
  }

  yearlyTotals(query: PageQuery): Observable<Page<YearlyTotalRow>> {
    return this.api.get<Page<YearlyTotalRow>>(
      API_PATHS.rewards.yearlyTotals,
      query,
    );
  }

  limits(): Observable<ProgrammeLimits[]> {
    return this.api.get<ProgrammeLimits[]>(API_PATHS.rewards.limits);
  }

  setLimits(
    programmeId: string,
    body: ProgrammeLimitsRequest,
  ): Observable<ProgrammeLimits> {
    return this.api.put<ProgrammeLimits>(
      API_PATHS.rewards.programmeLimits,
      body,
      { pathParams: { id: programmeId } },
    );
  }

  pools(query: PageQuery): Observable<Page<CouponPoolSummary>> {
    return this.api.get<Page<CouponPoolSummary>>(
      API_PATHS.rewards.pools,
      query,
    );
  }

  createPool(body: CreateCouponPoolRequest): Observable<CouponPoolSummary> {
    return this.api.post<CouponPoolSummary>(API_PATHS.rewards.pools, body);
  }

  importCodes(poolId: string, codes: string[]): Observable<CouponImportResult> {
    return this.api.post<CouponImportResult>(
      API_PATHS.rewards.poolCodes,
      { codes },
      { pathParams: { id: poolId } },
    );
  }

  importCsv(poolId: string, file: File): Observable<CouponImportResult> {
    const form = new FormData();
    form.append('file', file);
    return this.api.upload<CouponImportResult>(
      API_PATHS.rewards.poolCodesCsv,
      form,
      {},
      { pathParams: { id: poolId } },
    );
  }
}
