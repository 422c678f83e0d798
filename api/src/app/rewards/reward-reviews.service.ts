import { MANUAL_PAYOUT_TYPES, RewardSummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/access';
import { conflict, invalid, notFound } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { Customer } from '../customers/entities/customer.entity';
import { ReferralProgramme } from '../referrals/entities/referral-programme.entity';
import { ManualGrantDto } from './dto/manual-grant.dto';
import {
  MarkPaidDto,
  ReverseRewardDto,
  ReviewRewardDto,
} from './dto/review-reward.dto';
import { Reward } from './entities/reward.entity';
import { RewardLedgerService } from './reward-ledger.service';
import { toRewardSummary } from './reward-mapping';
import { RewardQueriesService } from './reward-queries.service';
import { RewardsService } from './rewards.service';

/** What managers do to rewards: manual grants, approvals, payouts. Each one is audited. */
@Injectable()
export class RewardReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rewards: RewardsService,
    private readonly ledger: RewardLedgerService,
    private readonly queries: RewardQueriesService,
    private readonly audit: AuditService,
  ) {}

  async manualGrant(
    ctx: RequestContext,
    body: ManualGrantDto,
  ): Promise<RewardSummary> {
    return this.db.transaction(async (manager) => {
      if (
        !(await manager
          .getRepository(Customer)
          .existsBy({ id: body.customerId }))
      )
        throw notFound('Customer');
      if (
        body.programmeId &&
        !(await manager
          .getRepository(ReferralProgramme)
          .existsBy({ id: body.programmeId }))
      )
        throw notFound('Programme');
      const { reward } = await this.rewards.grant(manager, {
        customerId: body.customerId,
        programmeId: body.programmeId,
        type: body.type,
        amountMinor: body.amount,
        points: body.amount,
        currency: body.currency,
        source: 'manual',
        sourceRef: randomUUID(),
        holdDays: body.holdDays,
        reason: body.reason.trim(),
        actorId: ctx.user?.id ?? null,
      });
      const summary = await this.summary(manager, reward);
      await this.audit.record(
        ctx,
        {
          action: 'reward.granted',
          entityType: 'reward',
          entityId: reward.id,
          after: summary,
        },
        manager,
      );
      return summary;
    });
  }

  /** Over-budget rewards: approve (hold resumes) or reject. Claimed payouts may also be rejected. */
  async review(
    ctx: RequestContext,
    id: string,
    body: ReviewRewardDto,
  ): Promise<RewardSummary> {
    return this.change(ctx, id, 'reward.reviewed', async (manager, reward) => {
      const reason = body.reason.trim();
      if (reward.state === 'over_budget' && body.decision === 'approve') {
        const due =
          reward.availableAt !== null &&
          reward.availableAt.getTime() <= Date.now();
        return this.ledger.transition(manager, {
          rewardId: id,
          from: 'over_budget',
          to: due ? 'available' : 'pending',
          actorId: ctx.user?.id ?? null,
          reason: `Approved over budget: ${reason}`,
          publicReason: reason,
        });
      }
      const payout =
        reward.state === 'claimed' && MANUAL_PAYOUT_TYPES.includes(reward.type);
      if (
        body.decision === 'reject' &&
        (reward.state === 'over_budget' || payout)
      ) {
        return this.ledger.transition(manager, {
          rewardId: id,
          from: reward.state,
          to: 'rejected',
          actorId: ctx.user?.id ?? null,
          reason,
          publicReason: reason,
        });
      }
      throw conflict(
        `A ${reward.state} reward cannot be ${body.decision === 'approve' ? 'approved' : 'rejected'}`,
        {
          decision: `not possible while the reward is ${reward.state}`,
        },
      );
    });
  }

  async markPaid(
    ctx: RequestContext,
    id: string,
    body: MarkPaidDto,
  ): Promise<RewardSummary> {
    return this.change(ctx, id, 'reward.paid', async (manager, reward) => {
      if (
        reward.state !== 'claimed' ||
        !MANUAL_PAYOUT_TYPES.includes(reward.type)
      )
        throw conflict(
          'Only claimed cash and gift card rewards are paid by hand',
          { payoutReference: `the reward is ${reward.state}` },
        );
      return this.ledger.transition(manager, {
        rewardId: id,
        from: 'claimed',
        to: 'fulfilled',
        actorId: ctx.user?.id ?? null,
        reason: 'Paid out',
        payoutReference: body.payoutReference.trim(),
      });
    });
  }

  /** Undoes one reward through the same path a refund takes; a delivered one gets a clawback entry. */
  async reverse(
    ctx: RequestContext,
    id: string,
    body: ReverseRewardDto,
  ): Promise<RewardSummary> {
    return this.change(ctx, id, 'reward.reversed', async (manager, reward) => {
      if (reward.source === 'clawback')
        throw conflict('A clawback entry cannot be reversed', {
          reason: 'a clawback entry cannot be reversed',
        });
      if (body.amount !== undefined && reward.state !== 'fulfilled')
        throw invalid({
          amount: 'only a delivered reward is clawed back in part',
        });
      const [outcome] = await this.rewards.reverse(manager, {
        source: reward.source,
        sourceRef: reward.sourceRef,
        customerId: reward.customerId,
        reason: body.reason.trim(),
        amount: body.amount,
        actorId: ctx.user?.id ?? null,
      });
      if (outcome?.outcome !== 'reversed' && outcome?.outcome !== 'clawed_back')
        throw conflict(`A ${reward.state} reward cannot be reversed`, {
          reason: `not possible while the reward is ${reward.state}`,
        });
      return this.ledger.lock(manager, id);
    });
  }

  private async change(
    ctx: RequestContext,
    id: string,
    action: string,
    apply: (manager: EntityManager, reward: Reward) => Promise<Reward | null>,
  ): Promise<RewardSummary> {
    return this.db.transaction(async (manager) => {
      const reward = await this.ledger.lock(manager, id);
      if (!reward) throw notFound('Reward');
      const before = toRewardSummary(reward);
      const after = await apply(manager, reward);
      if (!after)
        throw conflict('The reward changed meanwhile; reload and try again');
      const summary = await this.summary(manager, after);
      await this.audit.record(
        ctx,
        { action, entityType: 'reward', entityId: id, before, after: summary },
        manager,
      );
      return summary;
    });
  }

  private async summary(
    manager: EntityManager,
    reward: Reward,
  ): Promise<RewardSummary> {
    const transitions = await this.queries.transitionsOf(manager, [reward.id]);
    return toRewardSummary(reward, transitions.get(reward.id) ?? []);
  }
}
