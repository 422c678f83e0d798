import {
  ApplicationState,
  DECISION_FROM,
  DecisionResult,
  fillTemplate,
  RejectionReason,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { invalid, notFound, unprocessable } from '../common/errors';
import { Customer } from '../customers/entities/customer.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { applicationEventData } from '../webhooks/webhook-payloads';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
import { AmbassadorApplication } from './entities/ambassador-application.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';

export interface DecideInput {
  decision: 'review' | 'approve' | 'reject' | 'waitlist';
  reasonCode?: RejectionReason;
  message?: string;
}

/** The states that answer an application; each tells subscribed systems once. */
const DECIDED: readonly ApplicationState[] = [
  'approved',
  'rejected',
  'waitlisted',
];

const TITLES: Partial<Record<ApplicationState, (programme: string) => string>> =
  {
    submitted: (p) => `We received your application to ${p}`,
    in_review: (p) => `Your ${p} application is being reviewed`,
    approved: (p) => `You're in: welcome to ${p}!`,
    rejected: (p) => `An update on your ${p} application`,
    waitlisted: (p) => `You're on the ${p} waitlist`,
    withdrawn: (p) => `Your ${p} application was withdrawn`,
  };

/**
 * Every state change of an application goes through here: the history entry, the audit entry
 * and the applicant's notification commit together. Callers hold the programme row lock
 * (`FOR UPDATE`) before approving, so two approvals can never overfill it.
 */
@Injectable()
export class AmbassadorDecisionsService {
  private readonly logger = new Logger(AmbassadorDecisionsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  async lockApplication(
    manager: EntityManager,
    id: string,
  ): Promise<AmbassadorApplication> {
    const found = await manager
      .getRepository(AmbassadorApplication)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw notFound('Application');
    return found;
  }

  async approvedCount(
    manager: EntityManager,
    programmeId: string,
  ): Promise<number> {
    const [row]: { n: string }[] = await manager.query(
      `SELECT count(*) AS n FROM ambassador_applications
        WHERE programme_id = $1 AND state = 'approved' AND revoked_at IS NULL`,
      [programmeId],
    );
    return Number(row.n);
  }

  /** The programme must already be locked by the caller's transaction. */
  async decide(
    manager: EntityManager,
    ctx: RequestContext | null,
    programme: AmbassadorProgramme,
    app: AmbassadorApplication,
    input: DecideInput,
  ): Promise<DecisionResult> {
    if (!DECISION_FROM[input.decision].includes(app.state))
      throw unprocessable(
        `An application that is ${app.state.replace('_', ' ')} cannot be ${PAST[input.decision]}`,
        { decision: `is not possible from ${app.state}` },
      );
    if (input.decision === 'reject' && !input.reasonCode)
      throw invalid({ reasonCode: 'is required to reject' });
    let to: ApplicationState = STATE_OF[input.decision];
    let waitlistedForCapacity = false;
    if (to === 'approved' && programme.capacity !== null) {
      const approved = await this.approvedCount(manager, programme.id);
      if (approved >= programme.capacity) {
        if (app.state === 'waitlisted')
          throw unprocessable(
            `${programme.name} is full (${programme.capacity} of ${programme.capacity}); revoke someone or raise the capacity first`,
            { capacity: 'is reached' },
          );
        to = 'waitlisted';
        waitlistedForCapacity = true;
      }
    }
    await this.move(manager, ctx, programme, app, to, {
      reasonCode: to === 'rejected' ? (input.reasonCode ?? null) : null,
      message: waitlistedForCapacity ? undefined : input.message,
    });
    return { id: app.id, state: app.state, waitlistedForCapacity };
  }

  async move(
    manager: EntityManager,
    ctx: RequestContext | null,
    programme: AmbassadorProgramme,
    app: AmbassadorApplication,
    to: ApplicationState,
    opts: { reasonCode?: RejectionReason | null; message?: string } = {},
  ): Promise<void> {
    const from = app.state;
    const customer = await manager
      .getRepository(Customer)
      .findOneByOrFail({ id: app.customerId });
    const template =
      to === 'approved' || to === 'rejected' || to === 'waitlisted'
        ? programme.decisionTemplates[to]
        : null;
    const message =
      opts.message?.trim() ||
      (template
        ? fillTemplate(template, {
            name: customer.name.split(' ')[0] || customer.name,
            programme: programme.name,
          })
        : null);
    const now = new Date();
    app.state = to;
    if (to === 'approved' || to === 'rejected' || to === 'waitlisted') {
      app.decidedAt = now;
      app.decidedBy = ctx?.user?.id ?? null;
      app.decisionMessage = message;
    }
    if (to === 'rejected') app.reasonCode = opts.reasonCode ?? null;
    if (to === 'waitlisted') app.waitlistedAt = now;
    if (to === 'submitted') app.submittedAt = now;
    await manager.getRepository(AmbassadorApplication).save(app);
    await manager.getRepository(AmbassadorApplicationEvent).insert({
      applicationId: app.id,
      kind: 'transition',
      fromState: from,
      toState: to,
      actorId: ctx?.user?.id ?? null,
      actorEmail: ctx?.user?.email ?? null,
      body: message,
    });
    if (to === 'approved')
      await manager.query(
        `UPDATE customers SET ambassador_since = coalesce(ambassador_since, now()) WHERE id = $1`,
        [app.customerId],
      );
    await this.audit.record(
      ctx,
      {
        action: `ambassador_application.${to}`,
        entityType: 'ambassador_application',
        entityId: app.id,
        before: { state: from },
        after: {
          state: to,
          reasonCode: app.reasonCode,
          message,
          programmeId: programme.id,
        },
      },
      manager,
    );
    if (DECIDED.includes(to))
      await this.webhooks.publish(
        manager,
        'application.decided',
        applicationEventData({ ...app, state: to }),
      );
    const title = TITLES[to];
    if (title)
      await this.notifications.notify(manager, {
        customerId: app.customerId,
        kind: `ambassador.${to}`,
        title: title(programme.name),
        body: message ?? BODIES[to] ?? '',
        link: `/advocate/ambassador/${programme.id}`,
      });
  }

  async notifyRevoked(
    manager: EntityManager,
    programme: AmbassadorProgramme,
    app: AmbassadorApplication,
  ): Promise<void> {
    await this.notifications.notify(manager, {
      customerId: app.customerId,
      kind: 'ambassador.revoked',
      title: `Your ${programme.name} membership has ended`,
      body: 'Thank you for everything you did as an ambassador. Questions? Reply to your programme contact.',
      link: `/advocate/ambassador/${programme.id}`,
    });
  }

  /** Ambassador status feeds the segment's advocacy level; the change is committed already. */
  async recompute(customerIds: string[]): Promise<void> {
    if (customerIds.length === 0) return;
    try {
      await this.segments.add('recompute', {
        customerIds,
        reason: 'ambassador',
      } satisfies SegmentJobs['recompute']);
    } catch (error) {
      this.logger.warn(
        { err: error, customerIds },
        'Could not queue a segment recompute',
      );
    }
  }
}

/** What the applicant reads when a step carries no decision message. */
const BODIES: Partial<Record<ApplicationState, string>> = {
  submitted:
    'Thank you for applying. We will tell you here as soon as there is a decision.',
  in_review: 'A reviewer is reading your application now.',
};

const STATE_OF: Record<DecideInput['decision'], ApplicationState> = {
  review: 'in_review',
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
};

const PAST: Record<DecideInput['decision'], string> = {
  review: 'taken into review',
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
};
