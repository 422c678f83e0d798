import { REFERRAL_REASONS } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../common/access';
import { conflict, notFound } from '../../common/errors';
import { AuditService } from '../../audit/audit.service';
import { QUEUES, SegmentJobs } from '../../queues/queue-names';
import { FraudReview } from '../entities/fraud-review.entity';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import { Referral } from '../entities/referral.entity';
import { ReferralLifecycleService } from './referral-lifecycle.service';

export interface ReviewOutcome {
  id: string;
  status: Referral['status'];
}

/** A manager's decision on a referral the fraud rules sent to review. */
@Injectable()
export class ReferralReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lifecycle: ReferralLifecycleService,
    private readonly audit: AuditService,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
  ) {}

  /** Approving qualifies at once when the friend's purchase already arrived; otherwise it waits for one. */
  async approve(
    ctx: RequestContext,
    id: string,
    note: string | undefined,
  ): Promise<ReviewOutcome> {
    const outcome = await this.db.transaction(async (manager) => {
      const referral = await this.inReview(manager, id);
      const before = { status: referral.status };
      if (referral.purchaseAmountMinor !== null) {
        const programme = await manager
          .getRepository(ReferralProgramme)
          .findOneByOrFail({ id: referral.programmeId });
        const [friend]: { email: string }[] = await manager.query(
          `SELECT email FROM customers WHERE id = $1`,
          [referral.friendCustomerId],
        );
        await this.lifecycle.qualify(
          manager,
          referral,
          programme,
          friend.email,
          ctx.user?.id ?? null,
        );
      } else {
        await manager
          .getRepository(Referral)
          .update(
            { id },
            { status: 'pending', reasonCode: null, reasonText: null },
          );
        referral.status = 'pending';
      }
      await this.decide(manager, ctx, id, 'approved', note ?? null);
      await this.audit.record(
        ctx,
        {
          action: 'referral.approve',
          entityType: 'referral',
          entityId: id,
          before,
          after: { status: referral.status, note },
        },
        manager,
      );
      return {
        id,
        status: referral.status,
        referrer: referral.referrerCustomerId,
      };
    });
    if (outcome.status === 'qualified') {
      const data: SegmentJobs['recompute'] = {
        customerIds: [outcome.referrer],
        reason: 'referral approved',
      };
      await this.segments.add('recompute', data);
    }
    return { id: outcome.id, status: outcome.status };
  }

  async reject(
    ctx: RequestContext,
    id: string,
    note: string,
  ): Promise<ReviewOutcome> {
    return this.db.transaction(async (manager) => {
      const referral = await this.inReview(manager, id);
      await manager.getRepository(Referral).update(
        { id },
        {
          status: 'rejected',
          reasonCode: 'manager_rejected',
          reasonText: REFERRAL_REASONS.manager_rejected,
        },
      );
      await this.decide(manager, ctx, id, 'rejected', note);
      await this.audit.record(
        ctx,
        {
          action: 'referral.reject',
          entityType: 'referral',
          entityId: id,
          before: { status: referral.status },
          after: { status: 'rejected', note },
        },
        manager,
      );
      return { id, status: 'rejected' as const };
    });
  }

  private async inReview(
    manager: DataSource['manager'],
    id: string,
  ): Promise<Referral> {
    const referral = await manager.getRepository(Referral).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral) throw notFound('Referral');
    if (referral.status !== 'in_review')
      throw conflict('Only a referral in review can be decided', {
        status: `is ${referral.status}, not in review`,
      });
    return referral;
  }

  private async decide(
    manager: DataSource['manager'],
    ctx: RequestContext,
    referralId: string,
    decision: 'approved' | 'rejected',
    note: string | null,
  ): Promise<void> {
    await manager.getRepository(FraudReview).update(
      { referralId, decision: 'pending' },
      {
        decision,
        note,
        reviewerId: ctx.user?.id ?? null,
        decidedAt: new Date(),
      },
    );
  }
}
