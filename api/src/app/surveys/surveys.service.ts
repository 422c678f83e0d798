import { Page, SurveyLinkCreated, SurveySummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, invalid, notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { Customer } from '../customers/entities/customer.entity';
import { CreateSurveyLinkDto } from './dto/answer.dto';
import { CreateSurveyDto, UpdateSurveyDto } from './dto/create-survey.dto';
import { ListSurveysQueryDto } from './dto/list-surveys-query.dto';
import { Survey } from './entities/survey.entity';
import { toSurveySummary } from './survey-mapping';
import { signSurveyToken, surveyLinkKey } from './survey-token';

const DEFAULT_LINK_DAYS = 30;

@Injectable()
export class SurveysService {
  private readonly linkKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.linkKey = surveyLinkKey(config.JWT_SECRET);
  }

  async list(query: ListSurveysQueryDto): Promise<Page<SurveySummary>> {
    const qb = this.db
      .getRepository(Survey)
      .createQueryBuilder('s')
      .orderBy('s.active', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .addOrderBy('s.id');
    if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.active !== undefined)
      qb.andWhere('s.active = :active', { active: query.active });
    const [rows, total] = await qb
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const counts = await this.responseCounts(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toSurveySummary(row, counts.get(row.id) ?? 0)),
      total,
      query,
    );
  }

  async get(id: string): Promise<SurveySummary> {
    const survey = await this.db.getRepository(Survey).findOneBy({ id });
    if (!survey) throw notFound('Survey');
    return toSurveySummary(
      survey,
      (await this.responseCounts([id])).get(id) ?? 0,
    );
  }

  async create(
    ctx: RequestContext,
    body: CreateSurveyDto,
  ): Promise<SurveySummary> {
    const saved = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Survey);
      const survey = await repository.save(
        repository.create({ ...body, name: body.name.trim() }),
      );
      const after = toSurveySummary(survey);
      await this.audit.record(
        ctx,
        {
          action: 'survey.created',
          entityType: 'survey',
          entityId: survey.id,
          after,
        },
        manager,
      );
      return after;
    });
    return saved;
  }

  update(
    ctx: RequestContext,
    id: string,
    body: UpdateSurveyDto,
  ): Promise<SurveySummary> {
    return this.change(ctx, id, 'survey.updated', (survey) => {
      Object.assign(survey, body);
      if (body.name !== undefined) survey.name = body.name.trim();
    });
  }

  /** Each wave is a new send: personal links of the new wave accept one more answer per person. */
  startWave(ctx: RequestContext, id: string): Promise<SurveySummary> {
    return this.change(ctx, id, 'survey.wave_started', (survey) => {
      if (!survey.active)
        throw conflict('Activate the survey before starting a new wave');
      survey.wave += 1;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const survey = await this.lockSurvey(manager, id);
      const [{ n }] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1',
        [id],
      );
      if (n > 0) {
        throw conflict(
          'This survey has responses; deactivate it instead of deleting it',
          {
            id: `has ${n} responses`,
          },
        );
      }
      await manager.getRepository(Survey).delete({ id });
      await this.audit.record(
        ctx,
        {
          action: 'survey.deleted',
          entityType: 'survey',
          entityId: id,
          before: toSurveySummary(survey),
        },
        manager,
      );
    });
  }

  async createLink(
    ctx: RequestContext,
    id: string,
    body: CreateSurveyLinkDto,
  ): Promise<SurveyLinkCreated> {
    const survey = await this.db.getRepository(Survey).findOneBy({ id });
    if (!survey) throw notFound('Survey');
    if (!survey.active)
      throw conflict('This survey is not active', { id: 'is not active' });
    if (
      !(await this.db.getRepository(Customer).existsBy({ id: body.customerId }))
    ) {
      throw invalid({ customerId: 'is not a known customer' });
    }
    const expiresAt = new Date(
      Date.now() + (body.expiresInDays ?? DEFAULT_LINK_DAYS) * 86_400_000,
    );
    const token = signSurveyToken(
      {
        customerId: body.customerId,
        surveyId: id,
        wave: survey.wave,
        expiresAt,
      },
      this.linkKey,
    );
    await this.audit.record(ctx, {
      action: 'survey.link_created',
      entityType: 'survey',
      entityId: id,
      after: { customerId: body.customerId, wave: survey.wave, expiresAt },
    });
    return {
      url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/s/${token}`,
      token,
      wave: survey.wave,
      expiresAt: expiresAt.toISOString(),
    };
  }

  private async change(
    ctx: RequestContext,
    id: string,
    action: string,
    apply: (survey: Survey) => void,
  ): Promise<SurveySummary> {
    const result = await this.db.transaction(async (manager) => {
      const survey = await this.lockSurvey(manager, id);
      const before = toSurveySummary(survey);
      apply(survey);
      await manager.getRepository(Survey).save(survey);
      const after = toSurveySummary(survey);
      await this.audit.record(
        ctx,
        { action, entityType: 'survey', entityId: id, before, after },
        manager,
      );
      return after;
    });
    return {
      ...result,
      responseCount: (await this.responseCounts([id])).get(id) ?? 0,
    };
  }

  private async lockSurvey(
    manager: EntityManager,
    id: string,
  ): Promise<Survey> {
    const survey = await manager
      .getRepository(Survey)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!survey) throw notFound('Survey');
    return survey;
  }

  private async responseCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<{ survey_id: string; n: number }[]>(
      'SELECT survey_id, count(*)::int AS n FROM survey_responses WHERE survey_id = ANY($1::uuid[]) GROUP BY survey_id',
      [ids],
    );
    return new Map(rows.map((row) => [row.survey_id, row.n]));
  }
}
