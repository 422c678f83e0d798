import {
  OutreachMessageView,
  OutreachSendReport,
  Page,
  SegmentNpsCategory,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { MessagesQueryDto } from './dto/send.dto';
import { OutreachSend } from './entities/outreach-send.entity';
import { OutreachSendsService } from './outreach-sends.service';

/** How long after a message a recipient's referral still counts towards the send's report. */
const REFERRAL_WINDOW_DAYS = 30;

/** What a send led to: outcomes by reason, clicks by category and day, referrals, and each recipient. */
@Injectable()
export class OutreachReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sends: OutreachSendsService,
  ) {}

  async report(id: string): Promise<OutreachSendReport> {
    const view = await this.sends.get(id);
    const reasons: { status: string; reason: string | null; count: number }[] =
      await this.db.query(
        `SELECT status, reason, count(*)::int AS count FROM outreach_messages
        WHERE send_id = $1 AND status IN ('skipped', 'failed') GROUP BY status, reason ORDER BY count DESC`,
        [id],
      );
    const byCategory: {
      nps_category: SegmentNpsCategory;
      sent: number;
      clicked: number;
    }[] = await this.db.query(
      `SELECT m.nps_category, count(*) FILTER (WHERE m.status = 'sent')::int AS sent,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_clicks k WHERE k.message_id = m.id))::int AS clicked
           FROM outreach_messages m WHERE m.send_id = $1 GROUP BY m.nps_category ORDER BY m.nps_category`,
      [id],
    );
    const days: { day: string; clicks: number }[] = await this.db.query(
      `SELECT to_char(date_trunc('day', clicked_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS clicks
         FROM outreach_clicks WHERE send_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    const referrals: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM outreach_messages m
         JOIN outreach_sends s ON s.id = m.send_id
         JOIN referrals r ON r.referrer_customer_id = m.customer_id AND r.programme_id = s.programme_id
        WHERE m.send_id = $1 AND m.status = 'sent'
          AND r.created_at >= m.sent_at AND r.created_at < m.sent_at + make_interval(days => $2)`,
      [id, REFERRAL_WINDOW_DAYS],
    );
    const grouped = (status: string) =>
      Object.fromEntries(
        reasons
          .filter((r) => r.status === status)
          .map((r) => [r.reason ?? 'unknown', r.count]),
      );
    return {
      ...view,
      skippedByReason: grouped('skipped'),
      failedByReason: grouped('failed'),
      totalClicks: days.reduce((sum, d) => sum + d.clicks, 0),
      referralsAfter: referrals[0]?.count ?? 0,
      byCategory: byCategory.map((row) => ({
        npsCategory: row.nps_category,
        sent: row.sent,
        clicked: row.clicked,
      })),
      clicksByDay: days,
    };
  }

  async messages(
    id: string,
    query: MessagesQueryDto,
  ): Promise<Page<OutreachMessageView>> {
    if (!(await this.db.getRepository(OutreachSend).existsBy({ id })))
      throw notFound('Send');
    const params: unknown[] = [id];
    let filter = '';
    if (query.status) {
      params.push(query.status);
      filter = `AND m.status = $2`;
    }
    const rows: {
      id: string;
      customer_id: string;
      name: string;
      email: string;
      nps_category: SegmentNpsCategory;
      status: OutreachMessageView['status'];
      reason: string | null;
      sent_at: Date | null;
      clicks: number;
      total: number;
    }[] = await this.db.query(
      `SELECT m.id, m.customer_id, c.name, m.email, m.nps_category, m.status, m.reason, m.sent_at,
              (SELECT count(*)::int FROM outreach_clicks k WHERE k.message_id = m.id) AS clicks,
              count(*) OVER ()::int AS total
         FROM outreach_messages m JOIN customers c ON c.id = m.customer_id
        WHERE m.send_id = $1 ${filter}
        ORDER BY m.status, c.name, m.id
        LIMIT ${query.pageSize} OFFSET ${query.offset}`,
      params,
    );
    return toPage(
      rows.map((row) => ({
        id: row.id,
        customerId: row.customer_id,
        customerName: row.name,
        email: row.email,
        npsCategory: row.nps_category,
        status: row.status,
        reason: row.reason,
        sentAt: row.sent_at?.toISOString() ?? null,
        clicks: row.clicks,
      })),
      rows[0]?.total ?? (await this.countMessages(id, query)),
      query,
    );
  }

  private async countMessages(
    id: string,
    query: MessagesQueryDto,
  ): Promise<number> {
    const rows: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM outreach_messages WHERE send_id = $1 AND ($2::text IS NULL OR status = $2)`,
      [id, query.status ?? null],
    );
    return rows[0]?.count ?? 0;
  }
}
