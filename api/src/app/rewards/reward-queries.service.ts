import {
  RewardAdminRow,
  RewardSummary,
  RewardTransitionEntry,
  Wallet,
  WalletBalances,
  YearlyTotalRow,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toCsv } from '../analytics/csv';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { RewardListQueryDto } from './dto/reward-list-query.dto';
import {
  rewardFromRow,
  RewardRow,
  toRewardSummary,
  toTransitionEntry,
  TransitionRow,
} from './reward-mapping';
import { RewardTiersService } from './reward-tiers.service';

type ListedRow = RewardRow & {
  programme_name: string | null;
  customer_name: string | null;
  customer_email: string;
  total: string;
};

/** Read side of the ledger: lists, the wallet (balances derived by SQL), reports. */
@Injectable()
export class RewardQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tiers: RewardTiersService,
  ) {}

  async transitionsOf(
    manager: EntityManager,
    rewardIds: string[],
  ): Promise<Map<string, RewardTransitionEntry[]>> {
    const byReward = new Map<string, RewardTransitionEntry[]>();
    if (rewardIds.length === 0) return byReward;
    const rows: TransitionRow[] = await manager.query(
      `SELECT reward_id, from_state, to_state, actor_id, reason, at FROM reward_transitions
        WHERE reward_id = ANY($1::uuid[]) ORDER BY at, id`,
      [rewardIds],
    );
    for (const row of rows) {
      const list = byReward.get(row.reward_id) ?? [];
      list.push(toTransitionEntry(row));
      byReward.set(row.reward_id, list);
    }
    return byReward;
  }

  async mine(customerId: string | null, query: PageQueryDto) {
    if (!customerId) return toPage<RewardSummary>([], 0, query);
    const page = await this.listRows(`r.customer_id = $1`, [customerId], query);
    return toPage(page.items, page.total, query);
  }

  async list(query: RewardListQueryDto) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.state) {
      params.push(query.state);
      where.push(`r.state = $${params.length}`);
    }
    if (query.customerId) {
      params.push(query.customerId);
      where.push(`r.customer_id = $${params.length}`);
    }
    if (query.queue === 'approvals')
      where.push(
        `(r.state = 'over_budget' OR (r.state = 'claimed' AND r.type IN ('cash', 'gift_card')))`,
      );
    const page = await this.listRows(
      where.join(' AND ') || 'TRUE',
      params,
      query,
    );
    return toPage(page.items, page.total, query);
  }

  private async listRows(
    where: string,
    params: unknown[],
    query: PageQueryDto,
  ): Promise<{ items: RewardAdminRow[]; total: number }> {
    const rows: ListedRow[] = await this.db.query(
      `SELECT r.*, p.name AS programme_name, c.name AS customer_name, c.email AS customer_email, count(*) OVER () AS total
         FROM rewards r JOIN customers c ON c.id = r.customer_id LEFT JOIN referral_programmes p ON p.id = r.programme_id
        WHERE ${where} ORDER BY r.created_at DESC, r.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    const transitions = await this.transitionsOf(
      this.db.manager,
      rows.map((row) => row.id),
    );
    const items = rows.map((row) => ({
      ...toRewardSummary(
        rewardFromRow(row),
        transitions.get(row.id) ?? [],
        row.programme_name,
      ),
      customerName: row.customer_name,
      customerEmail: row.customer_email,
    }));
    return { items, total: rows[0] ? Number(rows[0].total) : 0 };
  }

  async wallet(customerId: string | null): Promise<Wallet> {
    const empty: Wallet = {
      balances: {
        points: 0,
        storeCredit: [],
        pendingCount: 0,
        availableCount: 0,
      },
      tiers: [],
    };
    if (!customerId) return empty;
    return {
      balances: await this.balances(this.db.manager, customerId),
      tiers: await this.tiers.progressFor(customerId),
    };
  }

  /** Summed from the entries every time; clawbacks are negative entries and reduce the balance. */
  async balances(
    manager: EntityManager,
    customerId: string,
  ): Promise<WalletBalances> {
    const rows: {
      type: string;
      currency: string | null;
      state: string;
      total: string;
      n: string;
    }[] = await manager.query(
      `SELECT type, currency, state, sum(amount) AS total, count(*) AS n FROM rewards
        WHERE customer_id = $1 GROUP BY type, currency, state`,
      [customerId],
    );
    const balances: WalletBalances = {
      points: 0,
      storeCredit: [],
      pendingCount: 0,
      availableCount: 0,
    };
    for (const row of rows) {
      if (row.state === 'pending') balances.pendingCount += Number(row.n);
      if (row.state === 'available') balances.availableCount += Number(row.n);
      if (row.state !== 'fulfilled') continue;
      if (row.type === 'points') balances.points += Number(row.total);
      if (row.type === 'store_credit' && row.currency)
        balances.storeCredit.push({
          currency: row.currency,
          amountMinor: Number(row.total),
        });
    }
    return balances;
  }

  async yearlyTotals(query: PageQueryDto) {
    const rows: (Omit<
      YearlyTotalRow,
      'year' | 'rewards' | 'paidMinor' | 'points'
    > & {
      year: number;
      rewards: string;
      paid_minor: string;
      points: string;
      customer_id: string;
      customer_name: string | null;
      customer_email: string;
      total: string;
    })[] = await this.db.query(
      `SELECT extract(year FROM r.updated_at)::int AS year, r.customer_id, c.name AS customer_name, c.email AS customer_email,
              r.currency, count(*) FILTER (WHERE r.source <> 'clawback') AS rewards,
              coalesce(sum(r.amount) FILTER (WHERE r.type NOT IN ('points', 'perk')), 0) AS paid_minor,
              coalesce(sum(r.amount) FILTER (WHERE r.type = 'points'), 0) AS points,
              count(*) OVER () AS total
         FROM rewards r JOIN customers c ON c.id = r.customer_id
        WHERE r.state = 'fulfilled'
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1 DESC, paid_minor DESC, 2
        LIMIT $1 OFFSET $2`,
      [query.pageSize, query.offset],
    );
    const items: YearlyTotalRow[] = rows.map((row) => ({
      year: row.year,
      customerId: row.customer_id,
      customerName: row.customer_name,
      customerEmail: row.customer_email,
      currency: row.currency,
      rewards: Number(row.rewards),
      paidMinor: Number(row.paid_minor),
      points: Number(row.points),
    }));
    return toPage(items, rows[0] ? Number(rows[0].total) : 0, query);
  }

  /** Paid cash and gift cards (and their clawbacks), for the finance team. */
  async payoutsCsv(): Promise<string> {
    const rows: RewardRow[] & { customer_email: string }[] =
      await this.db.query(
        `SELECT r.*, c.email AS customer_email FROM rewards r JOIN customers c ON c.id = r.customer_id
        WHERE r.state = 'fulfilled' AND r.type IN ('cash', 'gift_card') ORDER BY r.updated_at, r.id`,
      );
    return toCsv(
      [
        'reward_id',
        'customer_email',
        'type',
        'amount_minor',
        'currency',
        'source',
        'payout_reference',
        'paid_at',
      ],
      (rows as (RewardRow & { customer_email: string })[]).map((row) => [
        row.id,
        row.customer_email,
        row.type,
        Number(row.amount),
        row.currency,
        row.source,
        row.payout_reference,
        row.updated_at.toISOString(),
      ]),
      new Set([1, 6]),
    );
  }
}
