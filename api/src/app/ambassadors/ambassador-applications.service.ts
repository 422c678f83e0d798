import {
  ApplicationAnswers,
  MyAmbassadorProgramme,
  validateAnswers,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser, RequestContext } from '../common/access';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  unprocessable,
} from '../common/errors';
import { isUniqueViolation } from '../database/unique-violation';
import { AmbassadorDecisionsService } from './ambassador-decisions.service';
import { AmbassadorFactsService } from './ambassador-facts.service';
import { toFormView } from './ambassador-mapping';
import { AmbassadorPerksService } from './ambassador-perks.service';
import { AmbassadorTrainingService } from './ambassador-training.service';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { loadMyApplication } from './my-application';
import {
  AmbassadorApplication,
  OPEN_APPLICATION_KEY,
} from './entities/ambassador-application.entity';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorFunnelEvent } from './entities/ambassador-funnel-event.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';

const OPEN = ['draft', 'submitted', 'in_review', 'waitlisted'] as const;
const DAY = 86_400_000;

/** The applicant's side: drafts, submission (portal or public), withdrawal, and their status. */
@Injectable()
export class AmbassadorApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: AmbassadorProgrammesService,
    private readonly facts: AmbassadorFactsService,
    private readonly decisions: AmbassadorDecisionsService,
    private readonly perks: AmbassadorPerksService,
    private readonly training: AmbassadorTrainingService,
  ) {}

  /** Open programmes, and closed ones the advocate has applied to. */
  async mine(user: AuthUser): Promise<MyAmbassadorProgramme[]> {
    const customerId = requireCustomer(user);
    const rows: { id: string }[] = await this.db.query(
      `SELECT p.id FROM ambassador_programmes p
        WHERE p.status = 'open' OR EXISTS (
          SELECT 1 FROM ambassador_applications a WHERE a.programme_id = p.id AND a.customer_id = $1)
        ORDER BY p.created_at DESC LIMIT 50`,
      [customerId],
    );
    return Promise.all(rows.map((r) => this.view(customerId, r.id)));
  }

  async programme(user: AuthUser, id: string): Promise<MyAmbassadorProgramme> {
    return this.view(requireCustomer(user), id);
  }

  async visit(user: AuthUser, id: string): Promise<void> {
    const customerId = requireCustomer(user);
    const programme = await this.visible(this.db.manager, customerId, id);
    const { facts } = await this.facts.factsFor(this.db.manager, customerId);
    await this.recordStage(
      programme.id,
      'visited',
      customerId,
      facts.segmentKey,
    );
  }

  async saveDraft(
    user: AuthUser,
    id: string,
    answers: ApplicationAnswers,
  ): Promise<MyAmbassadorProgramme> {
    const customerId = requireCustomer(user);
    await this.guarded(() =>
      this.db.transaction(async (manager) => {
        const { programme, form, prepared } = await this.prepare(
          manager,
          customerId,
          id,
        );
        const errors = validateAnswers(form.fields, answers, { partial: true });
        if (Object.keys(errors).length > 0) throw invalid(prefixed(errors));
        const repo = manager.getRepository(AmbassadorApplication);
        const open = await this.openApplication(
          manager,
          programme.id,
          customerId,
        );
        if (open && open.state !== 'draft')
          throw conflict('You have already applied to this programme', {
            application: `is ${open.state.replace('_', ' ')}`,
          });
        await repo.save(
          repo.merge(
            open ?? repo.create({ state: 'draft', channel: 'portal' }),
            {
              programmeId: programme.id,
              customerId,
              formVersionId: form.id,
              answers,
              ...prepared,
            },
          ),
        );
        await this.recordStage(
          programme.id,
          'started',
          customerId,
          prepared.segmentKey,
          manager,
        );
      }),
    );
    return this.view(customerId, id);
  }

  async apply(
    ctx: RequestContext,
    user: AuthUser,
    id: string,
    answers: ApplicationAnswers,
  ): Promise<MyAmbassadorProgramme> {
    const customerId = requireCustomer(user);
    await this.submit(ctx, customerId, id, answers, 'portal');
    return this.view(customerId, id);
  }

  async withdraw(
    user: AuthUser,
    applicationId: string,
  ): Promise<MyAmbassadorProgramme> {
    const customerId = requireCustomer(user);
    const programmeId = await this.db.transaction(async (manager) => {
      const peek = await manager
        .getRepository(AmbassadorApplication)
        .findOneBy({ id: applicationId, customerId });
      if (!peek) throw notFound('Application');
      const programme = await this.programmes.find(
        manager,
        peek.programmeId,
        true,
      );
      const app = await this.decisions.lockApplication(manager, applicationId);
      if (!(OPEN as readonly string[]).includes(app.state))
        throw unprocessable(
          `An application that is ${app.state.replace('_', ' ')} cannot be withdrawn`,
          { state: `is ${app.state}` },
        );
      await this.decisions.move(manager, null, programme, app, 'withdrawn', {
        message: 'Withdrawn by you',
      });
      return programme.id;
    });
    return this.view(customerId, programmeId);
  }

  /** `customer` may be a function, so a new customer commits only with the application. */
  async submit(
    ctx: RequestContext,
    customer: string | ((manager: EntityManager) => Promise<string>),
    programmeId: string,
    answers: ApplicationAnswers,
    channel: 'portal' | 'public',
  ): Promise<string> {
    const { applicationId, approvedCustomer } = await this.guarded(() =>
      this.db.transaction(async (manager) => {
        const customerId =
          typeof customer === 'string' ? customer : await customer(manager);
        const { programme, form, prepared } = await this.prepare(
          manager,
          customerId,
          programmeId,
          true,
        );
        const errors = validateAnswers(form.fields, answers);
        if (Object.keys(errors).length > 0) throw invalid(prefixed(errors));
        const repo = manager.getRepository(AmbassadorApplication);
        const open = await this.openApplication(
          manager,
          programme.id,
          customerId,
        );
        if (open && open.state !== 'draft')
          throw conflict('You have already applied to this programme', {
            application: `is ${open.state.replace('_', ' ')}`,
          });
        const app = await repo.save(
          repo.merge(open ?? repo.create({ state: 'draft' }), {
            programmeId: programme.id,
            customerId,
            formVersionId: form.id,
            answers,
            channel,
            // Signing in proved the address; a public applicant proves it by the emailed link.
            emailConfirmedAt: channel === 'portal' ? new Date() : null,
            ...prepared,
          }),
        );
        await this.decisions.move(manager, ctx, programme, app, 'submitted');
        const auto = programme.autoApprove;
        if (
          app.emailConfirmedAt &&
          auto.enabled &&
          app.score >= auto.minScore
        ) {
          const result = await this.decisions.decide(
            manager,
            null,
            programme,
            app,
            {
              decision: 'approve',
            },
          );
          return {
            applicationId: app.id,
            approvedCustomer: result.state === 'approved' ? customerId : null,
          };
        }
        return { applicationId: app.id, approvedCustomer: null };
      }),
    );
    if (approvedCustomer) await this.decisions.recompute([approvedCustomer]);
    return applicationId;
  }

  /** Loads and checks everything a draft or a submission needs; `lock` serialises with reviewers. */
  private async prepare(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
    lock = false,
  ) {
    const programme = await this.programmes.find(manager, programmeId, lock);
    if (programme.status !== 'open')
      await this.visible(manager, customerId, programme.id);
    if (programme.status !== 'open')
      throw unprocessable(
        `${programme.name} is not taking applications right now`,
        { programme: 'is not open for applications' },
      );
    if (!programme.currentFormVersionId)
      throw unprocessable(`${programme.name} has no application form yet`);
    const form = await manager
      .getRepository(AmbassadorFormVersion)
      .findOneByOrFail({ id: programme.currentFormVersionId });
    await this.assertCanApply(manager, programme, customerId);
    const { snapshot, facts, score } = await this.facts.factsFor(
      manager,
      customerId,
    );
    const check = await this.facts.check(manager, programme.eligibility, facts);
    if (!check.eligible)
      throw unprocessable('You don’t meet this programme’s requirements yet', {
        eligibility: check.reasons.join(' '),
      });
    return {
      programme,
      form,
      prepared: {
        segmentSnapshot: snapshot,
        segmentKey: snapshot.segmentKey,
        score,
        facts,
      },
    };
  }

  private async assertCanApply(
    manager: EntityManager,
    programme: AmbassadorProgramme,
    customerId: string,
  ): Promise<void> {
    const status = await this.reapplyStatus(manager, programme, customerId);
    if (status.ambassador)
      throw conflict('You are already an ambassador of this programme', {
        application: 'is approved',
      });
    if (!status.canReapply)
      throw unprocessable(
        status.reapplyAt
          ? `You can apply again from ${status.reapplyAt.slice(0, 10)}`
          : 'This programme does not take new applications after a decision',
        { application: 'is in the reapply cooldown' },
      );
  }

  private async reapplyStatus(
    manager: EntityManager,
    programme: AmbassadorProgramme,
    customerId: string,
  ): Promise<{
    ambassador: boolean;
    canReapply: boolean;
    reapplyAt: string | null;
  }> {
    const last = await manager.getRepository(AmbassadorApplication).findOne({
      where: {
        programmeId: programme.id,
        customerId,
        state: In(['approved', 'rejected']),
      },
      order: { decidedAt: 'DESC' },
    });
    if (!last) return { ambassador: false, canReapply: true, reapplyAt: null };
    if (last.state === 'approved' && !last.revokedAt)
      return { ambassador: true, canReapply: false, reapplyAt: null };
    if (programme.reapplyCooldownDays === null)
      return { ambassador: false, canReapply: false, reapplyAt: null };
    const since = (
      last.revokedAt ??
      last.decidedAt ??
      last.updatedAt
    ).getTime();
    const at = new Date(since + programme.reapplyCooldownDays * DAY);
    return at.getTime() > Date.now()
      ? { ambassador: false, canReapply: false, reapplyAt: at.toISOString() }
      : { ambassador: false, canReapply: true, reapplyAt: null };
  }

  private async view(
    customerId: string,
    id: string,
  ): Promise<MyAmbassadorProgramme> {
    const manager = this.db.manager;
    const programme = await this.visible(manager, customerId, id);
    const form = programme.currentFormVersionId
      ? await manager
          .getRepository(AmbassadorFormVersion)
          .findOneBy({ id: programme.currentFormVersionId })
      : null;
    const { facts } = await this.facts.factsFor(manager, customerId);
    const eligibility = await this.facts.check(
      manager,
      programme.eligibility,
      facts,
    );
    const latest = await manager.getRepository(AmbassadorApplication).findOne({
      where: { programmeId: id, customerId },
      order: { createdAt: 'DESC' },
    });
    const status = await this.reapplyStatus(manager, programme, customerId);
    const application = latest
      ? await loadMyApplication(manager, programme, latest, status)
      : null;
    return {
      id: programme.id,
      name: programme.name,
      slug: programme.slug,
      description: programme.description,
      status: programme.status,
      eligibility,
      form: form ? toFormView(form) : null,
      application,
      isAmbassador: status.ambassador,
      perks: status.ambassador ? await this.perks.perksFor(id, customerId) : [],
      training: status.ambassador
        ? await this.training.trainingFor(id, customerId)
        : [],
    };
  }

  /** Drafts are invisible; others are seen only where the advocate has applied. */
  private async visible(
    manager: EntityManager,
    customerId: string,
    id: string,
  ): Promise<AmbassadorProgramme> {
    const programme = await this.programmes.find(manager, id);
    if (programme.status === 'open') return programme;
    const applied = await manager
      .getRepository(AmbassadorApplication)
      .existsBy({ programmeId: id, customerId });
    if (!applied || programme.status === 'draft')
      throw notFound('Ambassador programme');
    return programme;
  }

  private openApplication(
    manager: EntityManager,
    programmeId: string,
    customerId: string,
  ): Promise<AmbassadorApplication | null> {
    return manager.getRepository(AmbassadorApplication).findOne({
      where: { programmeId, customerId, state: In([...OPEN]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async recordStage(
    programmeId: string,
    stage: 'visited' | 'started',
    visitorId: string,
    segmentKey: string | null,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AmbassadorFunnelEvent)
      .values({ programmeId, stage, visitorId, segmentKey })
      .orIgnore()
      .execute();
  }

  /** Two submissions racing past the checks meet the unique index; the loser gets a clear 409. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, OPEN_APPLICATION_KEY))
        throw conflict('You have already applied to this programme', {
          application: 'was already submitted',
        });
      throw error;
    }
  }
}

function requireCustomer(user: AuthUser): string {
  if (!user.customerId) throw forbidden('Your account has no customer record');
  return user.customerId;
}

function prefixed(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => [`answers.${key}`, message]),
  );
}
