import { Injectable, inject } from '@angular/core';
import {
  AmbassadorDirectoryRow,
  AmbassadorFormRequest,
  AmbassadorFunnel,
  AmbassadorProgrammeRequest,
  AmbassadorProgrammeSummary,
  API_PATHS,
  ApplicationAnswers,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationRow,
  BulkDecisionRequest,
  BulkDecisionResult,
  ConfirmApplicationEmailResult,
  DecisionRequest,
  DecisionResult,
  FunnelEventRequest,
  MyAmbassadorProgramme,
  Page,
  PageQuery,
  PerkCodesResult,
  PerkRequest,
  PerkView,
  PublicAmbassadorProgramme,
  PublicApplyRequest,
  PublicApplyResult,
  TrainingModuleRequest,
  TrainingModuleView,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';

const P = API_PATHS.ambassadors;

@Injectable({ providedIn: 'root' })
export class AmbassadorsApi {
  private readonly api = inject(ApiClient);

  // Brand team and managers.
  programmes(query: PageQuery): Observable<Page<AmbassadorProgrammeSummary>> {
    return this.api.get(P.programmes, query);
  }

  programme(id: string): Observable<AmbassadorProgrammeSummary> {
    return this.api.get(P.programme, {}, { pathParams: { id } });
  }

  create(
    body: AmbassadorProgrammeRequest,
  ): Observable<AmbassadorProgrammeSummary> {
    return this.api.post(P.programmes, body);
  }

  update(
    id: string,
    body: AmbassadorProgrammeRequest,
  ): Observable<AmbassadorProgrammeSummary> {
    return this.api.put(P.programme, body, { pathParams: { id } });
  }

  saveForm(
    id: string,
    body: AmbassadorFormRequest,
  ): Observable<AmbassadorProgrammeSummary> {
    return this.api.put(P.form, body, { pathParams: { id } });
  }

  funnel(id: string): Observable<AmbassadorFunnel> {
    return this.api.get(P.funnel, {}, { pathParams: { id } });
  }

  applications(
    id: string,
    query: ApplicationListQuery,
  ): Observable<Page<ApplicationRow>> {
    return this.api.get(P.applications, query, { pathParams: { id } });
  }

  application(id: string): Observable<ApplicationDetail> {
    return this.api.get(P.application, {}, { pathParams: { id } });
  }

  decide(id: string, body: DecisionRequest): Observable<DecisionResult> {
    return this.api.post(P.decision, body, { pathParams: { id } });
  }

  bulk(
    programmeId: string,
    body: BulkDecisionRequest,
  ): Observable<BulkDecisionResult> {
    return this.api.post(P.bulk, body, { pathParams: { id: programmeId } });
  }

  inviteNext(programmeId: string, count: number): Observable<DecisionResult[]> {
    return this.api.post(
      P.inviteNext,
      { count },
      { pathParams: { id: programmeId } },
    );
  }

  addNote(id: string, body: string): Observable<ApplicationDetail> {
    return this.api.post(P.notes, { body }, { pathParams: { id } });
  }

  revoke(id: string): Observable<ApplicationDetail> {
    return this.api.post(P.revoke, {}, { pathParams: { id } });
  }

  perks(programmeId: string): Observable<PerkView[]> {
    return this.api.get(P.perks, {}, { pathParams: { id: programmeId } });
  }

  createPerk(programmeId: string, body: PerkRequest): Observable<PerkView> {
    return this.api.post(P.perks, body, { pathParams: { id: programmeId } });
  }

  importCodes(perkId: string, codes: string): Observable<PerkCodesResult> {
    return this.api.post(
      P.perkCodes,
      { codes },
      { pathParams: { id: perkId } },
    );
  }

  training(programmeId: string): Observable<TrainingModuleView[]> {
    return this.api.get(P.training, {}, { pathParams: { id: programmeId } });
  }

  createModule(
    programmeId: string,
    body: TrainingModuleRequest,
  ): Observable<TrainingModuleView> {
    return this.api.post(P.training, body, { pathParams: { id: programmeId } });
  }

  directory(
    programmeId: string,
    query: PageQuery,
  ): Observable<Page<AmbassadorDirectoryRow>> {
    return this.api.get(P.directory, query, {
      pathParams: { id: programmeId },
    });
  }

  // Signed-in advocates.
  mine(): Observable<MyAmbassadorProgramme[]> {
    return this.api.get(P.mine);
  }

  myProgramme(id: string): Observable<MyAmbassadorProgramme> {
    return this.api.get(P.myProgramme, {}, { pathParams: { id } });
  }

  visit(id: string): Observable<void> {
    return this.api.post(P.myVisit, {}, { pathParams: { id }, silent: true });
  }

  saveDraft(
    id: string,
    answers: ApplicationAnswers,
  ): Observable<MyAmbassadorProgramme> {
    return this.api.put(P.myDraft, { answers }, { pathParams: { id } });
  }

  apply(
    id: string,
    answers: ApplicationAnswers,
  ): Observable<MyAmbassadorProgramme> {
    return this.api.post(P.myApply, { answers }, { pathParams: { id } });
  }

  withdraw(applicationId: string): Observable<MyAmbassadorProgramme> {
    return this.api.post(
      P.myWithdraw,
      {},
      { pathParams: { id: applicationId } },
    );
  }

  claimPerk(perkId: string): Observable<PerkView> {
    return this.api.post(P.myPerkClaim, {}, { pathParams: { id: perkId } });
  }

  completeModule(moduleId: string): Observable<TrainingModuleView> {
    return this.api.post(
      P.myTrainingDone,
      {},
      { pathParams: { id: moduleId } },
    );
  }

  // Anyone.
  publicProgramme(slug: string): Observable<PublicAmbassadorProgramme> {
    return this.api.get(
      P.publicProgramme,
      {},
      { pathParams: { slug }, silent: true },
    );
  }

  publicApply(
    slug: string,
    body: PublicApplyRequest,
  ): Observable<PublicApplyResult> {
    return this.api.post(P.publicApply, body, { pathParams: { slug } });
  }

  /** The page behind the emailed link shows every failure itself, so no snackbar. */
  confirmApplicationEmail(
    token: string,
  ): Observable<ConfirmApplicationEmailResult> {
    return this.api.post(P.publicConfirmEmail, { token }, { silent: true });
  }

  publicEvent(slug: string, body: FunnelEventRequest): Observable<void> {
    return this.api.post(P.publicEvent, body, {
      pathParams: { slug },
      silent: true,
    });
  }
}
