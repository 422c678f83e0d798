import {
  Page,
  SegmentSnapshot,
  UgcMediaType,
  UgcOpenCampaign,
  UgcSource,
  UgcSubmissionView,
  UNKNOWN_SEGMENT_SNAPSHOT,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import {
  flattenValidationErrors,
  invalid,
  notFound,
  unprocessable,
} from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { QUEUES, SegmentJobs } from '../../queues/queue-names';
import { SegmentSnapshotService } from '../../segments/segment-snapshot.service';
import { FileStorage } from '../../storage/file-storage';
import { eligible } from '../campaigns/campaigns.service';
import { isOpen, toOpenCampaign } from '../campaigns/campaign-mapping';
import { UgcCampaign } from '../entities/ugc-campaign.entity';
import { UgcConsent } from '../entities/ugc-consent.entity';
import { UgcMedia } from '../entities/ugc-media.entity';
import { UgcSubmission } from '../entities/ugc-submission.entity';
import { disclosureFor } from './disclosure';
import {
  MySubmissionsQueryDto,
  SubmissionFieldsDto,
} from './dto/submission-fields.dto';
import { processImage, ProcessedImage } from './image-processing';
import { linkProblem, looksLikeMarkup } from './link-check';
import { MediaSigner } from './media-signer';
import { readSubmissionForm } from './multipart-form';
import { SubmissionLoader } from './submission-loader';
import { toSubmissionView } from './submission-mapping';

interface Submitter {
  source: UgcSource;
  customerId: string | null;
  name: string;
  email: string;
}

interface StoredImage extends ProcessedImage {
  id: string;
  storageKey: string;
  thumbKey: string;
}

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
    private readonly audit: AuditService,
    private readonly snapshots: SegmentSnapshotService,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly loader: SubmissionLoader,
    private readonly signer: MediaSigner,
  ) {}

  async submitFromPortal(
    ctx: RequestContext,
    customerId: string,
    request: FastifyRequest,
  ): Promise<UgcSubmissionView> {
    const fields = await this.readFields(request);
    const errors: Record<string, string> = {};
    if (!fields.dto.campaignId) errors['campaignId'] = 'is required';
    // The portal knows who is submitting; contact fields belong to public links only.
    if (fields.dto.name !== undefined) errors['name'] = 'is not a known field';
    if (fields.dto.email !== undefined)
      errors['email'] = 'is not a known field';
    if (Object.keys(errors).length > 0 || !fields.dto.campaignId)
      throw invalid(errors);
    const campaign = await this.db
      .getRepository(UgcCampaign)
      .findOneBy({ id: fields.dto.campaignId });
    if (!campaign || !isOpen(campaign))
      throw unprocessable('That campaign is not open for submissions', {
        campaignId: 'is not open for submissions',
      });
    const snapshot = await this.snapshots.snapshotFor(customerId);
    if (!eligible(campaign, snapshot.segmentKey))
      throw unprocessable('This campaign is for other advocates', {
        campaignId: 'is not open to your segment',
      });
    const customer: { name: string; email: string }[] = await this.db.query(
      'SELECT name, email FROM customers WHERE id = $1',
      [customerId],
    );
    const id = await this.create(ctx, campaign, fields, {
      source: 'portal',
      customerId,
      name: customer[0]?.name ?? '',
      email: customer[0]?.email ?? '',
    });
    const data: SegmentJobs['recompute'] = {
      customerIds: [customerId],
      reason: 'ugc submitted',
    };
    await this.segments.add('recompute', data);
    return this.mineOne(customerId, id);
  }

  /** What the public testimonial page shows; unknown, closed or link-disabled campaigns are 404. */
  async linkCampaign(token: string): Promise<UgcOpenCampaign> {
    return toOpenCampaign(await this.campaignByToken(token), 'link');
  }

  async submitFromLink(
    ctx: RequestContext,
    token: string,
    request: FastifyRequest,
  ): Promise<{ id: string; status: 'pending' }> {
    const campaign = await this.campaignByToken(token);
    const fields = await this.readFields(request);
    const name = fields.dto.name?.trim() ?? '';
    const email = fields.dto.email?.trim().toLowerCase() ?? '';
    const errors: Record<string, string> = {};
    if (!name) errors['name'] = 'is required';
    if (!email) errors['email'] = 'is required';
    if (fields.dto.campaignId) errors['campaignId'] = 'is not a known field';
    if (Object.keys(errors).length > 0) throw invalid(errors);
    const id = await this.create(ctx, campaign, fields, {
      source: 'link',
      customerId: null,
      name,
      email,
    });
    return { id, status: 'pending' };
  }

  async mine(
    customerId: string,
    query: MySubmissionsQueryDto,
  ): Promise<Page<UgcSubmissionView>> {
    const [rows, total] = await this.db
      .getRepository(UgcSubmission)
      .findAndCount({
        where: { customerId },
        order: { createdAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    const parts = await this.loader.parts(rows);
    return toPage(
      parts.map((p) =>
        toSubmissionView(p, (id, v) => this.signer.signedUrl(id, v)),
      ),
      total,
      query,
    );
  }

  /** Withdraws consent at once: query-time filters drop it from every showcase, feed and widget. */
  async revokeConsent(
    ctx: RequestContext,
    customerId: string,
    id: string,
  ): Promise<UgcSubmissionView> {
    await this.db.transaction(async (manager) => {
      const owned = await manager
        .getRepository(UgcSubmission)
        .findOneBy({ id, customerId });
      if (!owned) throw notFound('Submission');
      const consent = await manager.getRepository(UgcConsent).findOne({
        where: { submissionId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consent || consent.revokedAt) return;
      consent.revokedAt = new Date();
      await manager.save(consent);
      await this.audit.record(
        ctx,
        {
          action: 'ugc_consent.revoked',
          entityType: 'ugc_submission',
          entityId: id,
          after: { revokedAt: consent.revokedAt.toISOString() },
        },
        manager,
      );
    });
    return this.mineOne(customerId, id);
  }

  private async mineOne(
    customerId: string,
    id: string,
  ): Promise<UgcSubmissionView> {
    const row = await this.db
      .getRepository(UgcSubmission)
      .findOneBy({ id, customerId });
    if (!row) throw notFound('Submission');
    const [parts] = await this.loader.parts([row]);
    return toSubmissionView(parts, (mediaId, v) =>
      this.signer.signedUrl(mediaId, v),
    );
  }

  private async campaignByToken(token: string): Promise<UgcCampaign> {
    const campaign = /^[A-Za-z0-9_-]{10,64}$/.test(token)
      ? await this.db
          .getRepository(UgcCampaign)
          .findOneBy({ publicToken: token })
      : null;
    if (!campaign || !campaign.publicLinkEnabled || !isOpen(campaign))
      throw notFound('Testimonial link');
    return campaign;
  }

  private async readFields(
    request: FastifyRequest,
  ): Promise<{ dto: SubmissionFieldsDto; images: ProcessedImage[] }> {
    const form = await readSubmissionForm(
      request,
      this.config.UGC_IMAGE_MAX_BYTES,
    );
    // An unticked checkbox group sends nothing; an empty list gets the clearer message.
    const dto = plainToInstance(SubmissionFieldsDto, {
      consentScopes: [],
      ...form.fields,
    });
    const errors = flattenValidationErrors(
      await validate(dto, {
        whitelist: true,
        forbidNonWhitelisted: true,
        stopAtFirstError: true,
      }),
    );
    const text = dto.text?.trim() ?? '';
    if (text && looksLikeMarkup(text))
      errors['text'] ??= 'must be plain text, without HTML or scripts';
    for (const [field, kind] of [
      ['videoUrl', 'video'],
      ['socialUrl', 'social'],
    ] as const) {
      const value = dto[field]?.trim();
      const problem = value ? linkProblem(value, kind) : null;
      if (problem) errors[field] ??= problem;
    }
    if (dto.consentExpiresAt && new Date(dto.consentExpiresAt) <= new Date())
      errors['consentExpiresAt'] ??= 'must be in the future';
    if (
      !text &&
      form.images.length === 0 &&
      !dto.videoUrl?.trim() &&
      !dto.socialUrl?.trim()
    )
      errors['text'] ??= 'add your words, an image or a link';
    if (Object.keys(errors).length > 0) throw invalid(errors);
    // Images are checked only once the cheap fields pass, one at a time to bound memory.
    const images: ProcessedImage[] = [];
    for (const image of form.images)
      images.push(await processImage(image.buffer, image.field));
    return { dto, images };
  }

  private async create(
    ctx: RequestContext,
    campaign: UgcCampaign,
    fields: { dto: SubmissionFieldsDto; images: ProcessedImage[] },
    submitter: Submitter,
  ): Promise<string> {
    const { dto } = fields;
    const id = randomUUID();
    const stored = await this.writeImages(id, fields.images);
    try {
      await this.db.transaction(async (manager) => {
        const snapshot = await this.snapshotOf(manager, submitter);
        const text = dto.text?.trim() || null;
        const videoUrl = dto.videoUrl?.trim() || null;
        const socialUrl = dto.socialUrl?.trim() || null;
        const mediaType: UgcMediaType =
          stored.length > 0
            ? 'image'
            : videoUrl
              ? 'video'
              : socialUrl
                ? 'social'
                : 'text';
        await manager.getRepository(UgcSubmission).insert({
          id,
          campaignId: campaign.id,
          customerId: submitter.customerId,
          source: submitter.source,
          submitterName: submitter.name,
          submitterEmail: submitter.email,
          text,
          rating: dto.rating ?? null,
          videoUrl,
          socialUrl,
          mediaType,
          disclosure: await disclosureFor(manager, {
            customerId:
              submitter.customerId ??
              (await this.customerIdByEmail(manager, submitter.email)),
            snapshot,
            campaign,
            // Only portal submissions can earn the campaign's reward.
            campaignRewardApplies: submitter.customerId !== null,
          }),
          segmentSnapshot: snapshot,
          segmentKey: snapshot.segmentKey,
        });
        await manager.getRepository(UgcConsent).insert({
          submissionId: id,
          scopeWebsite: dto.consentScopes.includes('website'),
          scopeSocial: dto.consentScopes.includes('social'),
          scopeAds: dto.consentScopes.includes('ads'),
          displayName: dto.displayName,
          expiresAt: dto.consentExpiresAt
            ? new Date(dto.consentExpiresAt)
            : null,
        });
        if (stored.length > 0)
          await manager.getRepository(UgcMedia).insert(
            stored.map((image, position) => ({
              id: image.id,
              submissionId: id,
              position,
              storageKey: image.storageKey,
              thumbKey: image.thumbKey,
              contentType: image.contentType,
              width: image.width,
              height: image.height,
              bytes: image.main.length,
            })),
          );
        if (submitter.customerId)
          await manager.query(
            'UPDATE customers SET last_advocacy_at = now() WHERE id = $1',
            [submitter.customerId],
          );
        await this.audit.record(
          ctx,
          {
            action: 'ugc_submission.created',
            entityType: 'ugc_submission',
            entityId: id,
            after: {
              campaignId: campaign.id,
              source: submitter.source,
              mediaType,
              images: stored.length,
              consentScopes: dto.consentScopes,
            },
            actor:
              submitter.source === 'link'
                ? { id: null, email: submitter.email }
                : undefined,
          },
          manager,
        );
      });
    } catch (error) {
      await this.deleteImages(stored);
      throw error;
    }
    return id;
  }

  private async snapshotOf(
    manager: EntityManager,
    submitter: Submitter,
  ): Promise<SegmentSnapshot> {
    const customerId =
      submitter.customerId ??
      (await this.customerIdByEmail(manager, submitter.email));
    return customerId
      ? this.snapshots.snapshotFor(customerId, manager)
      : { ...UNKNOWN_SEGMENT_SNAPSHOT };
  }

  /** A link submitter known to the brand by email: used for the snapshot and disclosure only, never ownership. */
  private async customerIdByEmail(
    manager: EntityManager,
    email: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM customers WHERE lower(email) = lower($1) LIMIT 1',
      [email],
    );
    return rows[0]?.id ?? null;
  }

  private async writeImages(
    submissionId: string,
    images: ProcessedImage[],
  ): Promise<StoredImage[]> {
    const stored: StoredImage[] = [];
    try {
      for (const image of images) {
        const mediaId = randomUUID();
        const entry: StoredImage = {
          ...image,
          id: mediaId,
          storageKey: `ugc/${submissionId}/${mediaId}.webp`,
          thumbKey: `ugc/${submissionId}/${mediaId}-thumb.webp`,
        };
        stored.push(entry);
        await this.storage.put(entry.storageKey, image.main, image.contentType);
        await this.storage.put(entry.thumbKey, image.thumb, image.contentType);
      }
    } catch (error) {
      await this.deleteImages(stored);
      throw error;
    }
    return stored;
  }

  private async deleteImages(stored: StoredImage[]): Promise<void> {
    for (const image of stored) {
      for (const key of [image.storageKey, image.thumbKey]) {
        await this.storage
          .delete(key)
          .catch((error: unknown) =>
            this.logger.warn(
              { err: error, key },
              'Could not delete an orphaned upload',
            ),
          );
      }
    }
  }
}
