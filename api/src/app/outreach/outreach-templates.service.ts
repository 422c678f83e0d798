import { OutreachTemplateView, Page } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { OutreachTemplate } from './entities/outreach-template.entity';
import { ListTemplatesQueryDto, OutreachTemplateDto } from './dto/template.dto';
import { toTemplateView } from './outreach-mapping';
import { assertValidTemplate } from './template-validation';

@Injectable()
export class OutreachTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    query: ListTemplatesQueryDto,
  ): Promise<Page<OutreachTemplateView>> {
    const [rows, total] = await this.db
      .getRepository(OutreachTemplate)
      .findAndCount({
        where: {
          ...(query.purpose ? { purpose: query.purpose } : {}),
          ...(query.archived ? {} : { archivedAt: IsNull() }),
        },
        order: { purpose: 'ASC', name: 'ASC', id: 'ASC' },
        skip: query.offset,
        take: query.pageSize,
      });
    return toPage(rows.map(toTemplateView), total, query);
  }

  async get(id: string): Promise<OutreachTemplateView> {
    return toTemplateView(await this.find(id));
  }

  async find(id: string): Promise<OutreachTemplate> {
    const row = await this.db.getRepository(OutreachTemplate).findOneBy({ id });
    if (!row) throw notFound('Template');
    return row;
  }

  async create(
    ctx: RequestContext,
    body: OutreachTemplateDto,
  ): Promise<OutreachTemplateView> {
    assertValidTemplate(body);
    return this.db.transaction(async (manager) => {
      const row = await manager.getRepository(OutreachTemplate).save({
        ...body,
        archivedAt: null,
        createdBy: ctx.user?.id ?? null,
      });
      const view = toTemplateView(row);
      await this.audit.record(
        ctx,
        {
          action: 'outreach.template_created',
          entityType: 'outreach_template',
          entityId: row.id,
          after: view,
        },
        manager,
      );
      return view;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: OutreachTemplateDto,
  ): Promise<OutreachTemplateView> {
    assertValidTemplate(body);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(OutreachTemplate);
      const row = await repo.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw notFound('Template');
      const before = toTemplateView(row);
      Object.assign(row, body);
      const after = toTemplateView(await repo.save(row));
      await this.audit.record(
        ctx,
        {
          action: 'outreach.template_updated',
          entityType: 'outreach_template',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  /** Archived, not deleted: past sends keep pointing at it. */
  async archive(
    ctx: RequestContext,
    id: string,
    archived: boolean,
  ): Promise<OutreachTemplateView> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(OutreachTemplate);
      const row = await repo.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw notFound('Template');
      row.archivedAt = archived ? (row.archivedAt ?? new Date()) : null;
      const view = toTemplateView(await repo.save(row));
      await this.audit.record(
        ctx,
        {
          action: archived
            ? 'outreach.template_archived'
            : 'outreach.template_restored',
          entityType: 'outreach_template',
          entityId: id,
        },
        manager,
      );
      return view;
    });
  }
}
