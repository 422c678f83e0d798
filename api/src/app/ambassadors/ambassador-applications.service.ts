import {
  ApplicationAnswers,
  MyAmbassadorProgramme,
  MyApplication,
  PublicAmbassadorProgramme,
  PublicApplyResult,
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
import { Customer } from '../customers/entities/customer.entity';
import { isUniqueViolation } from '../referrals/programmes/unique-violation';
import { AmbassadorDecisionsService } from './ambassador-decisions.service';
import { AmbassadorFactsService } from './ambassador-facts.service';
import { toFormView, toTransition } from './ambassador-mapping';
import { AmbassadorPerksService } from './ambassador-perks.service';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { requirementsOf } from './requirements';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
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
          `A ${app.state.replace('_', ' ')} application cannot be withdrawn`,
          { state: `is ${app.state}` },
        );
      await this.decisions.move(manager, null, programme, app, 'withdrawn', {
        message: 'Withdrawn by you',
      });
      return programme.id;
    });
    return this.view(customerId, programmeId);
  }

  async publicProgramme(slug: string): Promise<PublicAmbassadorProgramme> {
    const programme = await this.bySlug(this.db.manager, slug);
    const form = programme.currentFormVersionId
      ? await this.db
          .getRepository(AmbassadorFormVersion)
          .findOneBy({ id: programme.currentFormVersionId })
      : null;
    return {
      name: programme.name,
      slug: programme.slug,
      description: programme.description,
      open: programme.status === 'open',
      requirements: requirementsOf(
        programme.eligibility,
        await this.facts.segmentNames(this.db.manager),
      ),
      form: form ? toFormView(form) : null,
    };
  }

  async publicEvent(
    slug: string,
    stage: 'visited' | 'started',
    visitorId: string,
  ): Promise<void> {
    const programme = await this.bySlug(this.db.manager, slug);
    await this.recordStage(programme.id, stage, `v:${visitorId}`, null);
  }

  /**
   * A visitor applying by email is matched to the customer with that email, or becomes one.
   * The answer never reveals whether the email was known or why someone is not eligible,
   * since anyone can type anyone's address: that detail is for the signed-in status page.
   */
  async publicApply(
    ctx: RequestContext,
    slug: string,
    email: string,
    name: string,
    answers: ApplicationAnswers,
  ): Promise<PublicApplyResult> {
    const programme = await this.bySlug(this.db.manager, slug);
    const normalised = email.trim().toLowerCase();
    // Matching or creating the customer commits only with the application, so a refusal saves nothing.
    const customerFor = async (manager: EntityManager) => {
      await manager.query(
        `INSERT INTO customers (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`,
        [normalised, name.trim()],
      );
      return (
        await manager
          .getRepository(Customer)
          .findOneByOrFail({ email: normalised })
      ).id;
    };
    try {
      await this.submit(ctx, customerFor, programme.id, answers, 'public');
    } catch (error) {
      if (isEligibilityRefusal(error))
        throw unprocessable(
          'We could not accept this application: it may not meet the requirements above, or this email already has an application. Sign in to the portal to see your status.',
        );
      throw error;
    }
    return {
      received: true,
      message: `Thank you! Your application to ${programme.name} is in. We'll be in touch by email, and you can follow it in the portal.`,
    };
  }

  private async submit(
    ctx: RequestContext,
    customer: string | ((manager: EntityManager) => Promise<string>),
    programmeId: string,
    answers: ApplicationAnswers,
    channel: 'portal' | 'public',
  ): Promise<void> {
    const approvedCustomer = await this.guarded(() =>
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
            ...prepared,
          }),
        );
        await this.decisions.move(manager, ctx, programme, app, 'submitted');
        const auto = programme.autoApprove;
        if (auto.enabled && app.score >= auto.minScore) {
          const result = await this.decisions.decide(
            manager,
            null,
            programme,
            app,
            {
              decision: 'approve',
            },
          );
          return result.state === 'approved' ? customerId : null;
        }
        return null;
      }),
    );
    if (approvedCustomer) await this.decisions.recompute([approvedCustomer]);
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
      ? await this.myApplication(manager, programme, latest, status)
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
        ? await this.perks.trainingFor(id, customerId)
        : [],
    };
  }

  private async myApplication(
    manager: EntityManager,
    programme: AmbassadorProgramme,
    app: AmbassadorApplication,
    status: { canReapply: boolean; reapplyAt: string | null },
  ): Promise<MyApplication> {
    const [version, events] = await Promise.all([
      manager
        .getRepository(AmbassadorFormVersion)
        .findOneByOrFail({ id: app.formVersionId }),
      manager.getRepository(AmbassadorApplicationEvent).find({
        where: { applicationId: app.id, kind: 'transition' },
        order: { at: 'ASC', id: 'ASC' },
      }),
    ]);
    let waitlistPosition: number | null = null;
    if (app.state === 'waitlisted') {
      const byScore = programme.waitlistOrder === 'score';
      const [row]: { ahead: string }[] = await manager.query(
        `SELECT count(*) AS ahead FROM ambassador_applications
          WHERE programme_id = $1 AND state = 'waitlisted'
            AND ${byScore ? '(score > $4 OR (score = $4 AND (waitlisted_at, id) < ($2, $3)))' : '(waitlisted_at, id) < ($2, $3)'}`,
        byScore
          ? [programme.id, app.waitlistedAt, app.id, app.score]
          : [programme.id, app.waitlistedAt, app.id],
      );
      waitlistPosition = Number(row.ahead) + 1;
    }
    const closed =
      app.state === 'rejected' || app.state === 'withdrawn' || !!app.revokedAt;
    return {
      id: app.id,
      state: app.state,
      answers: app.answers,
      formVersion: version.version,
      decisionMessage: app.decisionMessage,
      submittedAt: app.submittedAt?.toISOString() ?? null,
      decidedAt: app.decidedAt?.toISOString() ?? null,
      waitlistPosition,
      reapplyAt: closed ? status.reapplyAt : null,
      canReapply: closed ? status.canReapply : false,
      history: events.map(toTransition),
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

  private async bySlug(
    manager: EntityManager,
    slug: string,
  ): Promise<AmbassadorProgramme> {
    const found = await manager
      .getRepository(AmbassadorProgramme)
      .findOneBy({ slug });
    if (!found || found.status === 'draft')
      throw notFound('Ambassador programme');
    return found;
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

  private async recordStage(
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

function isEligibilityRefusal(error: unknown): boolean {
  const errors = (error as { errors?: Record<string, string> }).errors ?? {};
  return 'eligibility' in errors || 'application' in errors;
}
