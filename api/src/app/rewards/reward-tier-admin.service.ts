import { Page, RewardTierSummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, notFound } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { ReferralProgramme } from '../referrals/entities/referral-programme.entity';
import { RewardTierDto } from './dto/reward-tier.dto';
import { RewardTier } from './entities/reward-tier.entity';

/** Managers define a programme's tiers; each change is audited. */
@Injectable()
export class RewardTierAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    programmeId: string,
    query: PageQueryDto,
  ): Promise<Page<RewardTierSummary>> {
    await this.requireProgramme(this.db.manager, programmeId);
    const [tiers, total] = await this.db
      .getRepository(RewardTier)
      .findAndCount({
        where: { programmeId },
        order: { rank: 'ASC' },
        skip: query.offset,
        take: query.pageSize,
      });
    return toPage(tiers.map(toSummary), total, query);
  }

  async create(
    ctx: RequestContext,
    programmeId: string,
    body: RewardTierDto,
  ): Promise<RewardTierSummary> {
    return this.db.transaction(async (manager) => {
      await this.requireProgramme(manager, programmeId, true);
      await this.requireFreeRank(manager, programmeId, body.rank, null);
      const tier = await manager
        .getRepository(RewardTier)
        .save({ ...fields(body), programmeId });
      const after = toSummary(tier);
      await this.audit.record(
        ctx,
        {
          action: 'reward_tier.created',
          entityType: 'reward_tier',
          entityId: tier.id,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: RewardTierDto,
  ): Promise<RewardTierSummary> {
    return this.db.transaction(async (manager) => {
      const tier = await this.lock(manager, id);
      // Locking the programme serialises rank changes, so two edits cannot take the same rank.
      await this.requireProgramme(manager, tier.programmeId, true);
      await this.requireFreeRank(manager, tier.programmeId, body.rank, id);
      const before = toSummary(tier);
      const saved = await manager
        .getRepository(RewardTier)
        .save({ ...tier, ...fields(body) });
      const after = toSummary(saved);
      await this.audit.record(
        ctx,
        {
          action: 'reward_tier.updated',
          entityType: 'reward_tier',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const tier = await this.lock(manager, id);
      await manager.getRepository(RewardTier).delete({ id });
      await this.audit.record(
        ctx,
        {
          action: 'reward_tier.deleted',
          entityType: 'reward_tier',
          entityId: id,
          before: toSummary(tier),
        },
        manager,
      );
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<RewardTier> {
    const tier = await manager
      .getRepository(RewardTier)
      .createQueryBuilder('t')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!tier) throw notFound('Tier');
    return tier;
  }

  private async requireProgramme(
    manager: EntityManager,
    programmeId: string,
    forUpdate = false,
  ): Promise<void> {
    const query = manager
      .getRepository(ReferralProgramme)
      .createQueryBuilder('p')
      .where('p.id = :programmeId', { programmeId });
    if (forUpdate) query.setLock('pessimistic_write');
    if (!(await query.getOne())) throw notFound('Programme');
  }

  private async requireFreeRank(
    manager: EntityManager,
    programmeId: string,
    rank: number,
    exceptId: string | null,
  ): Promise<void> {
    const taken = await manager.getRepository(RewardTier).existsBy({
      programmeId,
      rank,
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
    if (taken)
      throw conflict('Another tier of this programme has this rank', {
        rank: 'is already used by another tier of this programme',
      });
  }
}

function fields(body: RewardTierDto) {
  return {
    name: body.name.trim(),
    rank: body.rank,
    minQualifiedReferrals: body.minQualifiedReferrals,
    maxRefundRate: body.maxRefundRate,
    minRepeatPurchaseShare: body.minRepeatPurchaseShare,
    minFriendAverageNps: body.minFriendAverageNps,
    windowDays: body.windowDays,
    bonus: body.bonus
      ? {
          type: body.bonus.type,
          amount: body.bonus.amount,
          currency: body.bonus.currency,
        }
      : null,
    downgrade: body.downgrade,
  };
}

function toSummary(tier: RewardTier): RewardTierSummary {
  return {
    id: tier.id,
    programmeId: tier.programmeId,
    name: tier.name,
    rank: tier.rank,
    minQualifiedReferrals: tier.minQualifiedReferrals,
    maxRefundRate: tier.maxRefundRate,
    minRepeatPurchaseShare: tier.minRepeatPurchaseShare,
    minFriendAverageNps: tier.minFriendAverageNps,
    windowDays: tier.windowDays,
    bonus: tier.bonus
      ? {
          type: tier.bonus.type,
          amount: tier.bonus.amount ?? 0,
          currency: tier.bonus.currency,
        }
      : null,
    downgrade: tier.downgrade,
  };
}
