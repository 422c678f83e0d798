import {
  FraudFlag,
  maskEmail,
  MyReferralView,
  Page,
  ReferralStats,
  ReferralView,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PageQueryDto, toPage } from '../../common/pagination/page-query.dto';
import { ReferralListQueryDto } from './dto/referral-list-query.dto';

interface ReferralRow {
  id: string;
  programme_id: string;
  referrer_customer_id: string;
  referrer_email: string;
  friend_email: string;
  status: ReferralView['status'];
  reason_code: ReferralView['reasonCode'];
  reason_text: string | null;
  segment_key: string;
  segment_snapshot: ReferralView['segmentSnapshot'];
  attribution_source: ReferralView['attributionSource'];
  purchase_amount_minor: string | null;
  currency: string | null;
  flags: FraudFlag[];
  created_at: Date;
  qualified_at: Date | null;
}

const LIST_SELECT = `SELECT r.*, rc.email AS referrer_email, fc.email AS friend_email,
       coalesce((SELECT json_agg(json_build_object('rule', f.rule, 'mode', f.mode, 'decision', f.decision, 'note', f.note)
                                 ORDER BY f.created_at) FROM fraud_reviews f WHERE f.referral_id = r.id), '[]') AS flags
  FROM referrals r
  JOIN customers rc ON rc.id = r.referrer_customer_id
  JOIN customers fc ON fc.id = r.friend_customer_id`;

/** Read models: the manager's table and review queue, the advocate's own list, programme stats. */
@Injectable()
export class ReferralQueriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ReferralListQueryDto): Promise<Page<ReferralView>> {
    const params: unknown[] = [
      query.status ?? null,
      query.segmentKey ?? null,
      query.reasonCode ?? null,
      query.programmeId ?? null,
    ];
    const where = `WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.segment_key = $2)
        AND ($3::text IS NULL OR r.reason_code = $3) AND ($4::uuid IS NULL OR r.programme_id = $4)`;
    return this.page(where, params, query);
  }

  /** Referrals waiting for a manager, plus those a shadow rule flagged. */
  async reviewQueue(query: PageQueryDto): Promise<Page<ReferralView>> {
    return this.page(
      `WHERE r.status = 'in_review' OR EXISTS (SELECT 1 FROM fraud_reviews f WHERE f.referral_id = r.id AND f.decision = 'flagged')`,
      [],
      query,
    );
  }

  async mine(
    customerId: string,
    query: PageQueryDto,
  ): Promise<Page<MyReferralView>> {
    const [rows, [{ total }]]: [
      {
        id: string;
        email: string;
        status: MyReferralView['status'];
        reason_text: string | null;
        created_at: Date;
        qualified_at: Date | null;
      }[],
      { total: string }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT r.id, fc.email, r.status, r.reason_text, r.created_at, r.qualified_at
           FROM referrals r JOIN customers fc ON fc.id = r.friend_customer_id
          WHERE r.referrer_customer_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2 OFFSET $3`,
        [customerId, query.pageSize, query.offset],
      ),
      this.db.query(
        `SELECT count(*) AS total FROM referrals WHERE referrer_customer_id = $1`,
        [customerId],
      ),
    ]);
    return toPage(
      rows.map((row) => ({
        id: row.id,
        friendEmail: maskEmail(row.email),
        status: row.status,
        reasonText: row.reason_text,
        createdAt: row.created_at.toISOString(),
        qualifiedAt: row.qualified_at?.toISOString() ?? null,
      })),
      Number(total),
      query,
    );
  }

  async stats(programmeId: string | undefined): Promise<ReferralStats> {
    const id = programmeId ?? null;
    const funnel: {
      segment_key: string;
      clicks: string;
      signups: string;
      purchases: string;
      revenue: string;
    }[] = await this.db.query(
      `WITH clicks AS (
           SELECT c.segment_key, sum(d.clicks) AS clicks FROM referral_click_daily d
             JOIN referral_codes c ON c.id = d.code_id WHERE ($1::uuid IS NULL OR d.programme_id = $1)
            GROUP BY c.segment_key),
         refs AS (
           SELECT segment_key,
                  count(*) FILTER (WHERE reason_code IS DISTINCT FROM 'existing_customer') AS signups,
                  count(*) FILTER (WHERE status = 'qualified') AS purchases,
                  coalesce(sum(purchase_amount_minor) FILTER (WHERE status = 'qualified'), 0) AS revenue
             FROM referrals WHERE ($1::uuid IS NULL OR programme_id = $1) GROUP BY segment_key)
         SELECT coalesce(c.segment_key, r.segment_key) AS segment_key, coalesce(c.clicks, 0) AS clicks,
                coalesce(r.signups, 0) AS signups, coalesce(r.purchases, 0) AS purchases, coalesce(r.revenue, 0) AS revenue
           FROM clicks c FULL JOIN refs r ON r.segment_key = c.segment_key ORDER BY 1`,
      [id],
    );
    const [rewards]: { issued: string; value: string }[] = await this.db.query(
      `SELECT count(*) AS issued, coalesce(sum(amount) FILTER (WHERE type <> 'points'), 0) AS value FROM rewards
        WHERE source = 'referral' AND state NOT IN ('reversed', 'rejected') AND ($1::uuid IS NULL OR programme_id = $1)`,
      [id],
    );
    const rows = funnel.map((row) => ({
      segmentKey: row.segment_key,
      clicks: Number(row.clicks),
      signups: Number(row.signups),
      purchases: Number(row.purchases),
      revenueMinor: Number(row.revenue),
    }));
    return {
      funnel: rows,
      revenueMinor: rows.reduce((sum, row) => sum + row.revenueMinor, 0),
      rewardsIssued: Number(rewards.issued),
      rewardsValueMinor: Number(rewards.value),
    };
  }

  private async page(
    where: string,
    params: unknown[],
    query: PageQueryDto,
  ): Promise<Page<ReferralView>> {
    const n = params.length;
    const [rows, [{ total }]]: [ReferralRow[], { total: string }[]] =
      await Promise.all([
        this.db.query(
          `SELECT * FROM (${LIST_SELECT} ${where}) q ORDER BY q.created_at DESC, q.id LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...params, query.pageSize, query.offset],
        ),
        this.db.query(
          `SELECT count(*) AS total FROM referrals r ${where}`,
          params,
        ),
      ]);
    return toPage(rows.map(toView), Number(total), query);
  }
}

function toView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    programmeId: row.programme_id,
    referrerCustomerId: row.referrer_customer_id,
    referrerEmail: row.referrer_email,
    friendEmail: row.friend_email,
    status: row.status,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    segmentKey: row.segment_key,
    segmentSnapshot: row.segment_snapshot,
    attributionSource: row.attribution_source,
    purchaseAmountMinor:
      row.purchase_amount_minor === null
        ? null
        : Number(row.purchase_amount_minor),
    currency: row.currency,
    flags: row.flags,
    createdAt: row.created_at.toISOString(),
    qualifiedAt: row.qualified_at?.toISOString() ?? null,
  };
}
