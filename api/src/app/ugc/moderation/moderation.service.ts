import {
  BulkModerateResult,
  ModerationAction,
  Page,
  UgcModerationItem,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import { conflict, invalid, notFound } from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { RewardsService } from '../../rewards/rewards.service';
import { UgcCampaign } from '../entities/ugc-campaign.entity';
import { UgcConsent } from '../entities/ugc-consent.entity';
import { UgcSubmission } from '../entities/ugc-submission.entity';
import { MediaSigner } from '../submissions/media-signer';
import { SubmissionLoader } from '../submissions/submission-loader';
import { excerptOf, toModerationItem } from '../submissions/submission-mapping';
import {
  BulkModerateDto,
  ExcerptDto,
  ModerateDto,
  ModerationQueryDto,
  TagsDto,
} from './dto/moderation.dto';
import { ugcEventData } from '../../webhooks/webhook-payloads';
import { WebhookOutboxService } from '../../webhooks/webhook-outbox.service';

/** The statuses each action may start from; re-deciding is allowed, featuring needs approval. */
const FROM: Record<ModerationAction, UgcSubmission['status'][]> = {
  approve: ['pending', 'rejected'],
  reject: ['pending', 'approved'],
  feature: ['approved'],
  unfeature: ['approved', 'rejected', 'pending'],
};

const PAST: Record<ModerationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  feature: 'featured',
  unfeature: 'unfeatured',
};

class SkipError extends Error {}

@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rewards: RewardsService,
    private readonly loader: SubmissionLoader,
    private readonly signer: MediaSigner,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  async queue(query: ModerationQueryDto): Promise<Page<UgcModerationItem>> {
    const qb = this.db
      .getRepository(UgcSubmission)
      .createQueryBuilder('s')
      // Oldest pending first, so nothing waits forever; decided items newest first.
      .orderBy('s.created_at', query.status === 'pending' ? 'ASC' : 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.status)
      qb.andWhere('s.status = :status', { status: query.status });
    if (query.campaignId)
      qb.andWhere('s.campaign_id = :campaignId', {
        campaignId: query.campaignId,
      });
    if (query.segmentKey)
      qb.andWhere('s.segment_key = :segmentKey', {
        segmentKey: query.segmentKey,
      });
    if (query.rating)
      qb.andWhere('s.rating = :rating', { rating: query.rating });
    if (query.mediaType)
      qb.andWhere('s.media_type = :mediaType', { mediaType: query.mediaType });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(await this.items(rows), total, query);
  }

  async moderate(
    ctx: RequestContext,
    id: string,
    body: ModerateDto,
  ): Promise<UgcModerationItem> {
    await this.db.transaction(async (manager) => {
      const submission = await this.lock(manager, id);
      if (!submission) throw notFound('Submission');
      try {
        await this.apply(ctx, manager, submission, body);
      } catch (error) {
        if (error instanceof SkipError)
          throw conflict(error.message, { action: error.message });
        throw error;
      }
    });
    return this.one(id);
  }

  /** One transaction: every applicable item changes and is audited; the rest are reported, not failed. */
  async bulk(
    ctx: RequestContext,
    body: BulkModerateDto,
  ): Promise<BulkModerateResult> {
    return this.db.transaction(async (manager) => {
      const rows = await manager.getRepository(UgcSubmission).find({
        where: { id: In(body.ids) },
        lock: { mode: 'pessimistic_write' },
        order: { id: 'ASC' },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const result: BulkModerateResult = { updated: [], skipped: [] };
      for (const id of body.ids) {
        const submission = byId.get(id);
        if (!submission) {
          result.skipped.push({ id, reason: 'was not found' });
          continue;
        }
        try {
          await this.apply(ctx, manager, submission, body);
          result.updated.push(id);
        } catch (error) {
          if (!(error instanceof SkipError)) throw error;
          result.skipped.push({ id, reason: error.message });
        }
      }
      return result;
    });
  }

  async tags(
    ctx: RequestContext,
    id: string,
    body: TagsDto,
  ): Promise<UgcModerationItem> {
    const tags = [...new Set(body.tags.map((tag) => tag.trim().toLowerCase()))];
    await this.change(ctx, id, 'ugc_submission.tagged', (submission) => {
      submission.tags = tags;
    });
    return this.one(id);
  }

  /** Picks which words are shown; the excerpt must be found verbatim, so nothing can be reworded. */
  async excerpt(
    ctx: RequestContext,
    id: string,
    body: ExcerptDto,
  ): Promise<UgcModerationItem> {
    await this.change(ctx, id, 'ugc_submission.excerpted', (submission) => {
      if (body.excerpt === null) {
        submission.excerptStart = null;
        submission.excerptEnd = null;
        return;
      }
      const start = submission.text?.indexOf(body.excerpt) ?? -1;
      if (start < 0)
        throw invalid({
          excerpt: 'must be words taken unchanged from the submission',
        });
      submission.excerptStart = start;
      submission.excerptEnd = start + body.excerpt.length;
    });
    return this.one(id);
  }

  /** Withdraws consent for someone who asked the brand directly (public-link submitters have no account). */
  async revokeConsent(
    ctx: RequestContext,
    id: string,
  ): Promise<UgcModerationItem> {
    await this.db.transaction(async (manager) => {
      const consent = await manager.getRepository(UgcConsent).findOne({
        where: { submissionId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consent) throw notFound('Submission');
      if (consent.revokedAt) return;
      consent.revokedAt = new Date();
      await manager.save(consent);
      await this.audit.record(
        ctx,
        {
          action: 'ugc_consent.revoked',
          entityType: 'ugc_submission',
          entityId: id,
          after: { revokedAt: consent.revokedAt.toISOString(), by: 'staff' },
        },
        manager,
      );
    });
    return this.one(id);
  }

  private async apply(
    ctx: RequestContext,
    manager: EntityManager,
    submission: UgcSubmission,
    body: ModerateDto,
  ): Promise<void> {
    const { action } = body;
    if (!FROM[action].includes(submission.status))
      throw new SkipError(
        `cannot be ${PAST[action]} while ${submission.status}`,
      );
    const before = snapshot(submission);
    if (action === 'approve' || action === 'reject') {
      submission.status = action === 'approve' ? 'approved' : 'rejected';
      submission.rejectionReason =
        action === 'reject' ? (body.reason ?? '').trim() : null;
      submission.reviewedAt = new Date();
      submission.reviewedBy = ctx.user?.id ?? null;
      if (action === 'reject') submission.featured = false;
    } else {
      submission.featured = action === 'feature';
    }
    await manager.save(submission);
    if (action === 'approve') {
      await this.reward(ctx, manager, submission);
      await this.webhooks.publish(
        manager,
        'ugc.approved',
        ugcEventData(submission),
      );
    }
    await this.audit.record(
      ctx,
      {
        action: `ugc_submission.${PAST[action]}`,
        entityType: 'ugc_submission',
        entityId: submission.id,
        before,
        after: snapshot(submission),
      },
      manager,
    );
  }

  /** Once per submission (the ledger is idempotent by source ref), whatever the rating or words. */
  private async reward(
    ctx: RequestContext,
    manager: EntityManager,
    submission: UgcSubmission,
  ): Promise<void> {
    if (!submission.customerId) return;
    const campaign = await manager
      .getRepository(UgcCampaign)
      .findOneBy({ id: submission.campaignId });
    const spec = campaign?.reward;
    if (!campaign || !spec) return;
    await this.rewards.grant(manager, {
      customerId: submission.customerId,
      programmeId: null,
      type: spec.type,
      ...(spec.type === 'points'
        ? { points: spec.amount ?? 0 }
        : spec.amount === null
          ? {}
          : { amountMinor: spec.amount }),
      currency: spec.currency,
      source: 'ugc',
      sourceRef: submission.id,
      holdDays: spec.holdDays,
      reason: `Approved content for “${campaign.name}”`,
      actorId: ctx.user?.id ?? null,
    });
  }

  private async change(
    ctx: RequestContext,
    id: string,
    action: string,
    mutate: (submission: UgcSubmission) => void,
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const submission = await this.lock(manager, id);
      if (!submission) throw notFound('Submission');
      const before = snapshot(submission);
      mutate(submission);
      await manager.save(submission);
      await this.audit.record(
        ctx,
        {
          action,
          entityType: 'ugc_submission',
          entityId: id,
          before,
          after: snapshot(submission),
        },
        manager,
      );
    });
  }

  private lock(manager: EntityManager, id: string) {
    return manager
      .getRepository(UgcSubmission)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async one(id: string): Promise<UgcModerationItem> {
    const row = await this.db.getRepository(UgcSubmission).findOneBy({ id });
    if (!row) throw notFound('Submission');
    return (await this.items([row]))[0];
  }

  private async items(rows: UgcSubmission[]): Promise<UgcModerationItem[]> {
    const parts = await this.loader.parts(rows);
    return parts.map((p) =>
      toModerationItem(p, (mediaId, v) => this.signer.signedUrl(mediaId, v)),
    );
  }
}

function snapshot(submission: UgcSubmission) {
  return {
    status: submission.status,
    featured: submission.featured,
    rejectionReason: submission.rejectionReason,
    tags: submission.tags,
    excerpt: excerptOf(submission),
  };
}
