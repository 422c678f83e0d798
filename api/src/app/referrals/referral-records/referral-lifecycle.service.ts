import { maskEmail, REFERRAL_REASONS, ReferralReason } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ReferralProgramme,
  RewardSpec,
} from '../entities/referral-programme.entity';
import { Referral } from '../entities/referral.entity';
import { RewardsService } from '../../rewards/rewards.service';
import { GrantInput } from '../../rewards/reward-ledger.service';
import { SegmentSnapshotService } from '../../segments/segment-snapshot.service';
import { Attribution } from '../events/attribution.service';
import { FraudCheckService } from '../fraud/fraud-check.service';
import { referralEventData } from '../../webhooks/webhook-payloads';
import { WebhookOutboxService } from '../../webhooks/webhook-outbox.service';

export interface Friend {
  id: string;
  email: string;
}

/** Creates referrals, qualifies them (granting both rewards) and reverses them on refunds. */
@Injectable()
export class ReferralLifecycleService {
  constructor(
    private readonly rewards: RewardsService,
    private readonly snapshots: SegmentSnapshotService,
    private readonly fraud: FraudCheckService,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  /** A new referral, already judged by the fraud rules; an existing customer is recorded as rejected. */
  async create(
    manager: EntityManager,
    attribution: Attribution,
    friend: Friend,
    existingCustomer: boolean,
  ): Promise<Referral> {
    const verdict = existingCustomer
      ? null
      : await this.fraud.evaluate(manager, {
          programmeId: attribution.programme.id,
          fraudRules: attribution.programme.fraudRules,
          windowDays: attribution.programme.attributionWindowDays,
          referrer: attribution.referrer,
          friend,
          clickId: attribution.click?.clickId ?? null,
          ipHash: attribution.click?.ipHash ?? null,
          userAgent: attribution.click?.userAgent ?? null,
        });
    const reason: ReferralReason | null = existingCustomer
      ? 'existing_customer'
      : (verdict?.reasonCode ?? null);
    const snapshot = await this.snapshots.snapshotFor(
      attribution.referrer.id,
      manager,
    );
    const referral = manager.getRepository(Referral).create({
      programmeId: attribution.programme.id,
      codeId: attribution.codeId,
      referrerCustomerId: attribution.referrer.id,
      friendCustomerId: friend.id,
      status: existingCustomer ? 'rejected' : (verdict?.status ?? 'pending'),
      reasonCode: reason,
      reasonText: reason ? REFERRAL_REASONS[reason] : null,
      segmentSnapshot: snapshot,
      segmentKey: snapshot.segmentKey,
      attributionSource: attribution.source,
      clickId: attribution.click?.clickId ?? null,
      ipHash: attribution.click?.ipHash ?? null,
      userAgent: attribution.click?.userAgent ?? null,
      attributedAt: attribution.attributedAt,
    });
    await manager.getRepository(Referral).save(referral);
    if (verdict) await this.fraud.record(manager, referral.id, verdict);
    return referral;
  }

  /** Moves a pending referral to a newer referrer, unless the fraud rules would hold or refuse the move. */
  async reattribute(
    manager: EntityManager,
    referral: Referral,
    attribution: Attribution,
    friend: Friend,
  ): Promise<void> {
    const verdict = await this.fraud.evaluate(manager, {
      programmeId: attribution.programme.id,
      fraudRules: attribution.programme.fraudRules,
      windowDays: attribution.programme.attributionWindowDays,
      referrer: attribution.referrer,
      friend,
      clickId: attribution.click?.clickId ?? null,
      ipHash: attribution.click?.ipHash ?? null,
      userAgent: attribution.click?.userAgent ?? null,
    });
    if (verdict.status !== 'pending') return;
    const snapshot = await this.snapshots.snapshotFor(
      attribution.referrer.id,
      manager,
    );
    const moved = {
      codeId: attribution.codeId,
      referrerCustomerId: attribution.referrer.id,
      attributionSource: attribution.source,
      clickId: attribution.click?.clickId ?? null,
      ipHash: attribution.click?.ipHash ?? null,
      userAgent: attribution.click?.userAgent ?? null,
      attributedAt: attribution.attributedAt,
      segmentSnapshot: snapshot,
      segmentKey: snapshot.segmentKey,
    };
    await manager.getRepository(Referral).update({ id: referral.id }, moved);
    await this.fraud.record(manager, referral.id, verdict);
    Object.assign(referral, moved);
  }

  async reject(
    manager: EntityManager,
    referral: Referral,
    reason: ReferralReason,
  ): Promise<void> {
    await manager.getRepository(Referral).update(
      { id: referral.id },
      {
        status: 'rejected',
        reasonCode: reason,
        reasonText: REFERRAL_REASONS[reason],
      },
    );
    referral.status = 'rejected';
    referral.reasonCode = reason;
  }

  /** Marks the referral qualified and grants the referrer's and the friend's rewards in this transaction. */
  async qualify(
    manager: EntityManager,
    referral: Referral,
    programme: ReferralProgramme,
    friendEmail: string,
    actorId: string | null = null,
  ): Promise<void> {
    await manager.getRepository(Referral).update(
      { id: referral.id },
      {
        status: 'qualified',
        qualifiedAt: new Date(),
        reasonCode: null,
        reasonText: null,
      },
    );
    referral.status = 'qualified';
    await this.webhooks.publish(
      manager,
      'referral.qualified',
      referralEventData(referral),
    );
    for (const grant of referralGrants(
      referral,
      programme,
      friendEmail,
      actorId,
    ))
      await this.rewards.grant(manager, grant);
    await manager.query(
      `UPDATE customers SET last_advocacy_at = now() WHERE id = $1`,
      [referral.referrerCustomerId],
    );
  }

  /** A refund inside the hold period takes both rewards back. */
  async reverse(manager: EntityManager, referral: Referral): Promise<void> {
    await this.rewards.reverse(manager, {
      source: 'referral',
      sourceRef: referral.id,
      reason: REFERRAL_REASONS.refunded,
    });
    await manager.getRepository(Referral).update(
      { id: referral.id },
      {
        status: 'reversed',
        reversedAt: new Date(),
        reasonCode: 'refunded',
        reasonText: REFERRAL_REASONS.refunded,
      },
    );
    referral.status = 'reversed';
  }
}

/** The referrer's reward and, on double-sided programmes, the friend's, for one qualified referral. */
export function referralGrants(
  referral: Pick<Referral, 'id' | 'referrerCustomerId' | 'friendCustomerId'>,
  programme: Pick<
    ReferralProgramme,
    'id' | 'holdDays' | 'referrerReward' | 'friendReward'
  >,
  friendEmail: string,
  actorId: string | null = null,
): GrantInput[] {
  const common = {
    programmeId: programme.id,
    source: 'referral' as const,
    sourceRef: referral.id,
    holdDays: programme.holdDays,
    actorId,
  };
  const grants: GrantInput[] = [
    {
      ...common,
      ...rewardAmount(programme.referrerReward),
      customerId: referral.referrerCustomerId,
      reason: `Referral of ${maskEmail(friendEmail)} qualified`,
    },
  ];
  if (programme.friendReward)
    grants.push({
      ...common,
      ...rewardAmount(programme.friendReward),
      customerId: referral.friendCustomerId,
      reason: 'Welcome reward for joining through a friend',
    });
  return grants;
}

/** The amount fields of a grant for a programme reward spec. */
function rewardAmount(spec: RewardSpec) {
  return {
    type: spec.type,
    couponPoolId: spec.couponPoolId ?? null,
    currency: spec.currency,
    ...(spec.type === 'points'
      ? { points: spec.amount ?? 0 }
      : spec.amount === null
        ? {}
        : { amountMinor: spec.amount }),
  };
}
