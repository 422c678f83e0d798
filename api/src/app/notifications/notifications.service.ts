import { NotificationPage, NotificationView } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/access';
import { notFound } from '../common/errors';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { queryReturning } from '../database/sql';
import { Notification } from './entities/notification.entity';

export interface NotifyInput {
  /** Exactly one of these: a customer (their advocate login reads it) or a staff user. */
  customerId?: string | null;
  userId?: string | null;
  kind: string;
  title: string;
  body: string;
  /** A portal path beginning with `/`; outside links are not allowed. */
  link?: string | null;
}

function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Only portal paths: a link in a notification must never send someone off-site. */
function safeLink(link: string | null | undefined): string | null {
  if (!link) return null;
  return /^\/(?![/\\])/.test(link) ? link : null;
}

/**
 * In-portal notifications. Other features call `notify(manager, …)` inside the transaction of the
 * change it reports, so nobody is told about something that was rolled back.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notify(
    manager: EntityManager,
    input: NotifyInput,
  ): Promise<NotificationView> {
    // clock_timestamp, not the transaction's now(): two notices from one change keep their order.
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        customerId: input.customerId ?? null,
        userId: input.customerId ? null : (input.userId ?? null),
        kind: input.kind,
        title: input.title.slice(0, 200),
        body: input.body.slice(0, 2000),
        link: safeLink(input.link),
        readAt: null,
        createdAt: () => 'clock_timestamp()',
      })
      .execute();
    const saved = await manager
      .getRepository(Notification)
      .findOneByOrFail({ id: result.identifiers[0]['id'] as string });
    return toView(saved);
  }

  async list(user: AuthUser, query: PageQueryDto): Promise<NotificationPage> {
    const owner = [user.id, user.customerId];
    const rows: Notification[] = await this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where(OWNER_SQL('n'), { userId: user.id, customerId: user.customerId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getMany();
    const [counts]: { total: string; unread: string }[] = await this.db.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
         FROM notifications WHERE user_id = $1 OR ($2::uuid IS NOT NULL AND customer_id = $2)`,
      owner,
    );
    return {
      items: rows.map(toView),
      total: Number(counts.total),
      unread: Number(counts.unread),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const repository = this.db.getRepository(Notification);
    const found = await repository
      .createQueryBuilder('n')
      .where('n.id = :id', { id })
      .andWhere(OWNER_SQL('n'), {
        userId: user.id,
        customerId: user.customerId,
      })
      .getOne();
    if (!found) throw notFound('Notification');
    if (!found.readAt) {
      found.readAt = new Date();
      await repository.update(found.id, { readAt: found.readAt });
    }
    return toView(found);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    const rows = await queryReturning<{ id: string }>(
      this.db,
      `UPDATE notifications SET read_at = now()
        WHERE read_at IS NULL AND (user_id = $1 OR ($2::uuid IS NOT NULL AND customer_id = $2))
        RETURNING id`,
      [user.id, user.customerId],
    );
    return { updated: rows.length };
  }
}

/** The caller's own notifications: addressed to their user, or to their customer record. */
const OWNER_SQL = (alias: string) =>
  `(${alias}.user_id = :userId OR (CAST(:customerId AS uuid) IS NOT NULL AND ${alias}.customer_id = :customerId))`;
