import { GrantSource } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalid } from '../common/errors';
import { queryReturning } from '../database/sql';
import { Reward } from './entities/reward.entity';
import {
  GrantInput,
  GrantResult,
  RewardLedgerService,
} from './reward-ledger.service';
import { rewardFromRow, RewardRow } from './reward-mapping';
import { RewardTiersService } from './reward-tiers.service';

export interface ReverseInput {
  source: GrantSource;
  sourceRef: string;
  reason: string;
  /** Only this advocate's reward for the event (a referral may reward both sides). */
  customerId?: string;
  /** Partial clawback of a fulfilled reward; never more than was paid. Defaults to all of it. */
  amount?: number;
  actorId?: string | null;
}

export interface ReverseOutcome {
  rewardId: string;
  outcome: 'reversed' | 'clawed_back' | 'already_reversed' | 'not_reversible';
  clawback?: Reward;
}

/** Undoable states go to `reversed`; a delivered reward is taken back by a negative entry instead. */
const REVERSIBLE = ['pending', 'available', 'claimed', 'over_budget'] as const;

/**
 * The rewards API other features call (referrals, UGC, ambassadors). Pass your transaction's manager
 * so the reward commits with the event that earned it.
 */
@Injectable()
export class RewardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: RewardLedgerService,
    private readonly tiers: RewardTiersService,
  ) {}

  /** Idempotent per (source, sourceRef, customer); a referral reward also checks tier upgrades. */
  async grant(manager: EntityManager, input: GrantInput): Promise<GrantResult> {
    const result = await this.ledger.grant(manager, input);
    if (result.created && input.source === 'referral' && input.programmeId)
      await this.tiers.applyUpgrades(
        manager,
        input.customerId,
        input.programmeId,
      );
    return result;
  }

  /** A refund: undoes each reward the event made; fulfilled ones get one clawback entry. */
  async reverse(
    manager: EntityManager,
    input: ReverseInput,
  ): Promise<ReverseOutcome[]> {
    const rows: RewardRow[] = await manager.query(
      `SELECT * FROM rewards WHERE source = $1 AND source_ref = $2 AND ($3::uuid IS NULL OR customer_id = $3)
        ORDER BY id FOR UPDATE`,
      [input.source, input.sourceRef, input.customerId ?? null],
    );
    const outcomes: ReverseOutcome[] = [];
    for (const reward of rows.map(rewardFromRow)) {
      if ((REVERSIBLE as readonly string[]).includes(reward.state)) {
        const moved = await this.ledger.transition(manager, {
          rewardId: reward.id,
          from: reward.state,
          to: reward.state === 'over_budget' ? 'rejected' : 'reversed',
          actorId: input.actorId ?? null,
          reason: input.reason,
          publicReason: input.reason,
        });
        outcomes.push({
          rewardId: reward.id,
          outcome: moved ? 'reversed' : 'not_reversible',
        });
      } else if (reward.state === 'fulfilled') {
        outcomes.push(await this.clawBack(manager, reward, input));
      } else {
        outcomes.push({
          rewardId: reward.id,
          outcome:
            reward.state === 'reversed' ? 'already_reversed' : 'not_reversible',
        });
      }
    }
    return outcomes;
  }

  private async clawBack(
    manager: EntityManager,
    reward: Reward,
    input: ReverseInput,
  ): Promise<ReverseOutcome> {
    const amount = input.amount ?? reward.amount;
    if (
      !Number.isSafeInteger(amount) ||
      amount <= 0 ||
      amount > reward.amount
    ) {
      throw invalid({
        amount: `must be between 1 and the ${reward.amount} paid`,
      });
    }
    const result = await this.ledger.clawBack(
      manager,
      reward,
      amount,
      input.reason,
      input.actorId ?? null,
    );
    return {
      rewardId: reward.id,
      outcome: result.created ? 'clawed_back' : 'already_reversed',
      clawback: result.reward,
    };
  }

  /** Pending rewards whose hold has ended become claimable; a scheduled job calls this. */
  async releaseDueHolds(limit = 500): Promise<number> {
    return this.moveDue(
      `state = 'pending' AND available_at <= now()`,
      'pending',
      'available',
      'The hold ended',
      limit,
    );
  }

  async expireDue(limit = 500): Promise<number> {
    return this.moveDue(
      `state = 'available' AND expires_at <= now()`,
      'available',
      'expired',
      'Not claimed in time',
      limit,
    );
  }

  private async moveDue(
    where: string,
    from: 'pending' | 'available',
    to: 'available' | 'expired',
    reason: string,
    limit: number,
  ): Promise<number> {
    return this.db.transaction(async (manager) => {
      const due = await queryReturning<{ id: string }>(
        manager,
        `SELECT id FROM rewards WHERE ${where} ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      let moved = 0;
      for (const { id } of due) {
        if (
          await this.ledger.transition(manager, {
            rewardId: id,
            from,
            to,
            actorId: null,
            reason,
          })
        )
          moved += 1;
      }
      return moved;
    });
  }
}
