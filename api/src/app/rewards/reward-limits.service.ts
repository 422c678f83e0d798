import {
  BudgetPeriod,
  exceededLimits,
  LimitUse,
  periodWindow,
  ProgrammeLimits,
  RewardType,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/access';
import { notFound } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { ReferralProgramme } from '../referrals/entities/referral-programme.entity';
import { ProgrammeLimitsDto } from './dto/programme-limits.dto';
import { RewardBudget } from './entities/reward-budget.entity';
import { RewardCap } from './entities/reward-cap.entity';
import { RewardProgrammeSetting } from './entities/reward-programme-setting.entity';

/** States that spend budget: anything granted and not undone or waiting for review. */
const SPENDING_STATES = `('pending', 'available', 'claimed', 'fulfilled')`;

interface Usage {
  used_minor: string | null;
  used_count: string;
}

/** Programme budgets and per-advocate caps, checked under a row lock so concurrent grants cannot overshoot. */
@Injectable()
export class RewardLimitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Names every limit this grant would pass; locks the programme's limit rows until the transaction ends. */
  async exceeded(
    manager: EntityManager,
    programmeId: string,
    customerId: string,
    type: RewardType,
    amount: number,
  ): Promise<string[]> {
    const budgets: RewardBudget[] = await manager
      .getRepository(RewardBudget)
      .createQueryBuilder('b')
      .where('b.programme_id = :programmeId', { programmeId })
      .orderBy('b.id')
      .setLock('pessimistic_write')
      .getMany();
    const caps: RewardCap[] = await manager
      .getRepository(RewardCap)
      .createQueryBuilder('c')
      .where('c.programme_id = :programmeId', { programmeId })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
    if (budgets.length === 0 && caps.length === 0) return [];
    const money = type === 'points' ? 0 : amount;
    const uses: LimitUse[] = [];
    for (const budget of budgets) {
      const usage = await this.usage(manager, programmeId, null, budget.period);
      uses.push({
        label: `the ${budget.period} budget`,
        limit: budget.limitMinor,
        used: Number(usage.used_minor ?? 0),
      });
    }
    const exceeded = exceededLimits(uses, money);
    for (const cap of caps) {
      const usage = await this.usage(
        manager,
        programmeId,
        customerId,
        cap.period,
      );
      exceeded.push(
        ...exceededLimits(
          [
            {
              label: `the ${cap.period} count cap`,
              limit: cap.maxCount,
              used: Number(usage.used_count),
            },
          ],
          1,
        ),
        ...exceededLimits(
          [
            {
              label: `the ${cap.period} amount cap`,
              limit: cap.maxAmountMinor,
              used: Number(usage.used_minor ?? 0),
            },
          ],
          money,
        ),
      );
    }
    return exceeded;
  }

  private async usage(
    manager: EntityManager | DataSource,
    programmeId: string,
    customerId: string | null,
    period: BudgetPeriod,
  ): Promise<Usage> {
    const window = periodWindow(period, new Date());
    const rows: Usage[] = await manager.query(
      `SELECT sum(amount) FILTER (WHERE type <> 'points') AS used_minor,
              count(*) FILTER (WHERE source <> 'clawback') AS used_count
         FROM rewards
        WHERE programme_id = $1 AND state IN ${SPENDING_STATES}
          AND ($2::uuid IS NULL OR customer_id = $2)
          AND ($3::timestamptz IS NULL OR created_at >= $3) AND ($4::timestamptz IS NULL OR created_at < $4)`,
      [programmeId, customerId, window.start, window.end],
    );
    return rows[0];
  }

  async limitsOf(programmeId: string): Promise<ProgrammeLimits> {
    const programme = await this.db
      .getRepository(ReferralProgramme)
      .findOneBy({ id: programmeId });
    if (!programme) throw notFound('Programme');
    const budgets = await this.db
      .getRepository(RewardBudget)
      .find({ where: { programmeId }, order: { period: 'ASC' } });
    const caps = await this.db
      .getRepository(RewardCap)
      .find({ where: { programmeId }, order: { period: 'ASC' } });
    const setting = await this.db
      .getRepository(RewardProgrammeSetting)
      .findOneBy({ programmeId });
    const usage = [];
    for (const budget of budgets) {
      const window = periodWindow(budget.period, new Date());
      const used = await this.usage(this.db, programmeId, null, budget.period);
      usage.push({
        period: budget.period,
        limitMinor: budget.limitMinor,
        usedMinor: Number(used.used_minor ?? 0),
        currency: programme.currency,
        periodStart: window.start?.toISOString() ?? null,
        periodEnd: window.end?.toISOString() ?? null,
      });
    }
    return {
      programmeId,
      programmeName: programme.name,
      budgets: usage,
      caps: caps.map((cap) => ({
        period: cap.period,
        maxCount: cap.maxCount,
        maxAmountMinor: cap.maxAmountMinor,
      })),
      minClaimMinor: setting?.minClaimMinor ?? 0,
    };
  }

  async allLimits(): Promise<ProgrammeLimits[]> {
    const programmes = await this.db
      .getRepository(ReferralProgramme)
      .find({ order: { name: 'ASC' }, take: 100 });
    return Promise.all(
      programmes.map((programme) => this.limitsOf(programme.id)),
    );
  }

  /** Replaces the programme's budgets and caps. */
  async setLimits(
    ctx: RequestContext,
    programmeId: string,
    body: ProgrammeLimitsDto,
  ): Promise<ProgrammeLimits> {
    const before = await this.limitsOf(programmeId);
    await this.db.transaction(async (manager) => {
      await manager.delete(RewardBudget, { programmeId });
      await manager.delete(RewardCap, { programmeId });
      if (body.budgets.length > 0)
        await manager.insert(
          RewardBudget,
          body.budgets.map((budget) => ({
            programmeId,
            period: budget.period,
            limitMinor: budget.limitMinor,
          })),
        );
      if (body.caps.length > 0)
        await manager.insert(
          RewardCap,
          body.caps.map((cap) => ({
            programmeId,
            period: cap.period,
            maxCount: cap.maxCount,
            maxAmountMinor: cap.maxAmountMinor,
          })),
        );
      if (body.minClaimMinor !== undefined)
        await manager.upsert(
          RewardProgrammeSetting,
          { programmeId, minClaimMinor: body.minClaimMinor },
          ['programmeId'],
        );
      await this.audit.record(
        ctx,
        {
          action: 'reward_limits.updated',
          entityType: 'referral_programme',
          entityId: programmeId,
          before,
          after: body,
        },
        manager,
      );
    });
    return this.limitsOf(programmeId);
  }
}
