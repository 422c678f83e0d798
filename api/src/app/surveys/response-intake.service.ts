import {
  AnswerAccepted,
  IntakeResponseResult,
  npsCategory,
  scoreRange,
  SurveyLinkView,
  SurveyOffer,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/access';
import {
  conflict,
  DomainError,
  forbidden,
  invalid,
  notFound,
} from '../common/errors';
import { AppConfig } from '../config/app-config';
import { Customer } from '../customers/entities/customer.entity';
import { CasesService } from '../cases/cases.service';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';
import { responseEventData } from '../webhooks/webhook-payloads';
import { IntakeResponseDto, SubmitAnswerDto } from './dto/answer.dto';
import {
  ResponseChannel,
  SurveyResponse,
} from './entities/survey-response.entity';
import { Survey } from './entities/survey.entity';
import { toSurveyForm } from './survey-mapping';
import {
  surveyLinkKey,
  SurveyTokenClaims,
  verifySurveyToken,
} from './survey-token';

const LINK_INVALID = 'This survey link is invalid or has expired';

function toAccepted(response: SurveyResponse): AnswerAccepted {
  return {
    id: response.id,
    score: response.score,
    category: response.kind === 'nps' ? npsCategory(response.score) : null,
    respondedAt: response.respondedAt.toISOString(),
  };
}

/** Every way a response arrives: the portal, a personal link, or a brand system's API key. */
@Injectable()
export class ResponseIntakeService {
  private readonly logger = new Logger(ResponseIntakeService.name);
  private readonly linkKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
    config: AppConfig,
    private readonly webhooks: WebhookOutboxService,
    private readonly cases: CasesService,
  ) {
    this.linkKey = surveyLinkKey(config.JWT_SECRET);
  }

  /** The survey to offer a signed-in advocate: the newest active one they have not answered this wave. */
  async offer(user: AuthUser): Promise<SurveyOffer> {
    const customerId = requireCustomer(user);
    const [survey] = await this.db.query<{ id: string }[]>(
      `SELECT s.id FROM surveys s
        WHERE s.active AND NOT EXISTS (
          SELECT 1 FROM survey_responses r WHERE r.survey_id = s.id AND r.customer_id = $1 AND r.wave = s.wave)
        ORDER BY (s.kind = 'nps') DESC, s.created_at DESC LIMIT 1`,
      [customerId],
    );
    if (!survey) return { form: null, nextAskAt: null };
    const found = await this.db
      .getRepository(Survey)
      .findOneByOrFail({ id: survey.id });
    const nextAskAt = await this.nextAskAt(
      this.db.manager,
      customerId,
      found.throttleDays,
    );
    if (nextAskAt) return { form: null, nextAskAt: nextAskAt.toISOString() };
    return { form: toSurveyForm(found), nextAskAt: null };
  }

  async answerInPortal(
    user: AuthUser,
    surveyId: string,
    body: SubmitAnswerDto,
  ): Promise<AnswerAccepted> {
    const customerId = requireCustomer(user);
    const survey = await this.db
      .getRepository(Survey)
      .findOneBy({ id: surveyId });
    if (!survey || !survey.active) throw notFound('Survey');
    return this.answer({
      customerId,
      survey,
      wave: survey.wave,
      channel: 'portal',
      body,
    });
  }

  async viewLink(token: string): Promise<SurveyLinkView> {
    const { claims, survey } = await this.openLink(token);
    const customer = await this.db
      .getRepository(Customer)
      .findOneByOrFail({ id: claims.customerId });
    const answered = await this.answeredWave(
      this.db.manager,
      claims.customerId,
      survey.id,
      claims.wave,
    );
    return {
      form: toSurveyForm(survey, claims.wave),
      firstName: customer.name.trim().split(/\s+/)[0] ?? '',
      expiresAt: claims.expiresAt.toISOString(),
      answered,
    };
  }

  async answerLink(
    token: string,
    body: SubmitAnswerDto,
  ): Promise<AnswerAccepted> {
    const { claims, survey } = await this.openLink(token);
    return this.answer({
      customerId: claims.customerId,
      survey,
      wave: claims.wave,
      channel: 'link',
      body,
    });
  }

  /** Historical or live data from a brand system: not throttled, idempotent by `externalId`. */
  async intake(body: IntakeResponseDto): Promise<IntakeResponseResult> {
    const repository = this.db.getRepository(SurveyResponse);
    const existing = await repository.findOneBy({
      externalId: body.externalId,
    });
    if (existing)
      return {
        ...toAccepted(existing),
        externalId: body.externalId,
        created: false,
      };
    const survey = await this.db
      .getRepository(Survey)
      .findOneBy({ id: body.surveyId });
    if (!survey) throw invalid({ surveyId: 'is not a known survey' });
    assertScore(survey, body.score);
    const customer = await this.findCustomer(body);
    const respondedAt = new Date(body.respondedAt);
    if (respondedAt.getTime() > Date.now() + 86_400_000)
      throw invalid({ respondedAt: 'is in the future' });
    const values = {
      externalId: body.externalId,
      surveyId: survey.id,
      customerId: customer.id,
      kind: survey.kind,
      score: body.score,
      comment: body.comment?.trim() || null,
      channel: 'api' as const,
      wave: null,
      respondedAt,
    };
    const row = await this.db.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(SurveyResponse)
        .values(values)
        .orIgnore()
        .returning('*')
        .execute();
      const first = (inserted.raw as { id: string }[])[0];
      if (first) await this.followUp(manager, { ...values, id: first.id });
      return first;
    });
    if (!row) {
      const raced = await repository.findOneBy({ externalId: body.externalId });
      if (raced)
        return {
          ...toAccepted(raced),
          externalId: body.externalId,
          created: false,
        };
      throw conflict(
        'This customer already has a response to this survey at that time',
        {
          respondedAt: 'duplicates a stored response',
        },
      );
    }
    await this.recompute(customer.id);
    const saved = await repository.findOneByOrFail({ id: row.id });
    return { ...toAccepted(saved), externalId: body.externalId, created: true };
  }

  private async answer(input: {
    customerId: string;
    survey: Survey;
    wave: number;
    channel: ResponseChannel;
    body: SubmitAnswerDto;
  }): Promise<AnswerAccepted> {
    const { customerId, survey, wave, channel, body } = input;
    assertScore(survey, body.score);
    const saved = await this.db.transaction(async (manager) => {
      // Serialises one person's answers, so two tabs cannot both pass the checks below.
      await manager.query(
        'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
        [customerId],
      );
      if (await this.answeredWave(manager, customerId, survey.id, wave)) {
        throw conflict('You have already answered this survey. Thank you!', {
          score: 'was already given for this survey',
        });
      }
      const nextAskAt = await this.nextAskAt(
        manager,
        customerId,
        survey.throttleDays,
      );
      if (nextAskAt) {
        const seconds = Math.max(
          1,
          Math.ceil((nextAskAt.getTime() - Date.now()) / 1000),
        );
        throw new DomainError(
          'RATE_LIMITED',
          `You answered one of our surveys recently; we will not ask again before ${nextAskAt.toISOString().slice(0, 10)}`,
          {},
          { 'Retry-After': String(seconds) },
        );
      }
      const repository = manager.getRepository(SurveyResponse);
      const created = await repository.save(
        repository.create({
          surveyId: survey.id,
          customerId,
          kind: survey.kind,
          score: body.score,
          comment: body.comment?.trim() || null,
          channel,
          wave,
          respondedAt: new Date(),
        }),
      );
      await this.followUp(manager, created);
      return created;
    });
    await this.recompute(customerId);
    return toAccepted(saved);
  }

  /** In the response's transaction: the webhook event and, for a detractor or a drop, a follow-up case. */
  private async followUp(
    manager: EntityManager,
    response: Pick<
      SurveyResponse,
      | 'id'
      | 'surveyId'
      | 'customerId'
      | 'kind'
      | 'score'
      | 'comment'
      | 'channel'
      | 'respondedAt'
    >,
  ): Promise<void> {
    if (response.kind !== 'nps') return;
    await this.webhooks.publish(
      manager,
      'nps.response.created',
      responseEventData(response),
    );
    await this.cases.openMissing(manager, [response.customerId]);
  }

  private async openLink(
    token: string,
  ): Promise<{ claims: SurveyTokenClaims; survey: Survey }> {
    const claims = verifySurveyToken(token, this.linkKey);
    if (!claims || claims.expiresAt.getTime() < Date.now()) {
      throw new DomainError('NOT_FOUND', LINK_INVALID, {
        token: 'is invalid or has expired',
      });
    }
    const survey = await this.db
      .getRepository(Survey)
      .findOneBy({ id: claims.surveyId });
    const customer = await this.db
      .getRepository(Customer)
      .existsBy({ id: claims.customerId });
    if (!survey || !customer)
      throw new DomainError('NOT_FOUND', LINK_INVALID, {
        token: 'is invalid or has expired',
      });
    if (!survey.active)
      throw conflict('This survey has closed. Thank you for your interest!');
    return { claims, survey };
  }

  private async answeredWave(
    manager: EntityManager,
    customerId: string,
    surveyId: string,
    wave: number,
  ): Promise<boolean> {
    return manager
      .getRepository(SurveyResponse)
      .existsBy({ customerId, surveyId, wave });
  }

  /** Nobody is asked twice within the throttle; any earlier answer counts, whatever its channel. */
  private async nextAskAt(
    manager: EntityManager,
    customerId: string,
    throttleDays: number,
  ): Promise<Date | null> {
    if (throttleDays <= 0) return null;
    const [row] = await manager.query<{ last: Date | null }[]>(
      'SELECT max(responded_at) AS last FROM survey_responses WHERE customer_id = $1 AND responded_at <= now()',
      [customerId],
    );
    if (!row?.last) return null;
    const next = new Date(row.last.getTime() + throttleDays * 86_400_000);
    return next.getTime() > Date.now() ? next : null;
  }

  private async findCustomer(body: IntakeResponseDto): Promise<Customer> {
    const repository = this.db.getRepository(Customer);
    if (body.customerExternalId !== undefined) {
      const byId = await repository.findOneBy({
        externalId: body.customerExternalId,
      });
      if (byId) return byId;
      if (body.customerEmail === undefined)
        throw invalid({ customerExternalId: 'is not a known customer' });
    }
    const byEmail = await repository.findOneBy({
      email: (body.customerEmail ?? '').trim().toLowerCase(),
    });
    if (!byEmail) throw invalid({ customerEmail: 'is not a known customer' });
    return byEmail;
  }

  /** The response is already committed; a lost job is caught up by the next full recompute. */
  private async recompute(customerId: string): Promise<void> {
    try {
      await this.segments.add('recompute', {
        customerIds: [customerId],
        reason: 'response',
      } satisfies SegmentJobs['recompute']);
    } catch (error) {
      this.logger.warn(
        { err: error, customerId },
        'Could not queue a segment recompute',
      );
    }
  }
}

function requireCustomer(user: AuthUser): string {
  if (!user.customerId) throw forbidden('Your account has no customer record');
  return user.customerId;
}

function assertScore(survey: Survey, score: number): void {
  const { min, max } = scoreRange(survey.kind);
  if (score < min || score > max)
    throw invalid({ score: `must be between ${min} and ${max}` });
}
