import { AuditEntry } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestContext } from '../common/access';
import { toPage } from '../common/pagination/page-query.dto';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  /** Overrides the signed-in actor, e.g. for a sign-in where nobody is signed in yet. */
  actor?: { id: string | null; email: string | null };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity)
    private readonly entries: Repository<AuditEntryEntity>,
  ) {}

  /** Pass the transaction's manager so the entry commits or rolls back with the change it describes. */
  async record(
    ctx: RequestContext | null,
    record: AuditRecord,
    manager?: EntityManager,
  ): Promise<void> {
    const repository = manager
      ? manager.getRepository(AuditEntryEntity)
      : this.entries;
    await repository.insert({
      actorId: record.actor?.id ?? ctx?.user?.id ?? null,
      actorEmail: record.actor?.email ?? ctx?.user?.email ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: record.before ?? null,
      after: record.after ?? null,
      ip: ctx?.ip ?? null,
      requestId: ctx?.requestId ?? null,
    });
  }

  async list(query: AuditQueryDto) {
    const qb = this.entries
      .createQueryBuilder('e')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (query.action)
      qb.andWhere('e.action = :action', { action: query.action });
    if (query.entityType)
      qb.andWhere('e.entity_type = :entityType', {
        entityType: query.entityType,
      });
    if (query.actor)
      qb.andWhere('e.actor_email ILIKE :actor', {
        actor: `%${escapeLike(query.actor)}%`,
      });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at < :to', { to: query.to });
    const [rows, total] = await qb
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toContract), total, query);
  }

  async actions(): Promise<string[]> {
    const rows: { action: string }[] = await this.entries.query(
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    );
    return rows.map((row) => row.action);
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function toContract(entry: AuditEntryEntity): AuditEntry {
  return { ...entry, at: entry.at.toISOString() };
}
