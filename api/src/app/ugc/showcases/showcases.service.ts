import {
  ConsentScope,
  DisplayNameChoice,
  displayNameFor,
  Page,
  PublicShowcase,
  PublicTestimonial,
  ShowcaseFeed,
  UgcShowcaseSummary,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import { conflict, invalid, notFound } from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../database/unique-violation';
import { UgcShowcaseItem } from '../entities/ugc-showcase-item.entity';
import { UgcShowcase } from '../entities/ugc-showcase.entity';
import { UgcSubmission } from '../entities/ugc-submission.entity';
import { publicMediaUrl } from '../submissions/media-signer';
import { showcaseJsonLd } from './json-ld';
import { ShowcaseDto, ShowcaseListQueryDto } from './dto/showcase.dto';
import { showableSql } from './visibility';

interface ShowableRow {
  id: string;
  submitter_name: string;
  display_name: DisplayNameChoice;
  text: string | null;
  excerpt_start: number | null;
  excerpt_end: number | null;
  rating: number | null;
  featured: boolean;
  disclosure: string | null;
  video_url: string | null;
  social_url: string | null;
  created_at: Date;
  media: { id: string; width: number; height: number }[] | null;
}

const SLUG_KEY = 'ugc_showcases_slug_key';

@Injectable()
export class ShowcasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(query: ShowcaseListQueryDto): Promise<Page<UgcShowcaseSummary>> {
    const [rows, total] = await this.db
      .getRepository(UgcShowcase)
      .findAndCount({
        order: { updatedAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    return toPage(
      await Promise.all(rows.map((row) => this.summary(row))),
      total,
      query,
    );
  }

  async get(id: string): Promise<UgcShowcaseSummary> {
    const showcase = await this.db.getRepository(UgcShowcase).findOneBy({ id });
    if (!showcase) throw notFound('Showcase');
    return this.summary(showcase);
  }

  async save(
    ctx: RequestContext,
    id: string | null,
    body: ShowcaseDto,
  ): Promise<UgcShowcaseSummary> {
    try {
      const saved = await this.db.transaction(async (manager) => {
        const repo = manager.getRepository(UgcShowcase);
        const existing = id
          ? await repo.findOne({
              where: { id },
              lock: { mode: 'pessimistic_write' },
            })
          : null;
        if (id && !existing) throw notFound('Showcase');
        await this.assertCuratable(manager, body.submissionIds);
        const taken = await repo.findOneBy({ slug: body.slug });
        if (taken && taken.id !== id)
          throw conflict('That slug is taken', { slug: 'is taken' });
        const before = existing ? await this.summary(existing, manager) : null;
        const showcase = await repo.save(
          repo.merge(existing ?? repo.create(), {
            name: body.name.trim(),
            slug: body.slug,
            description: body.description?.trim() ?? '',
            scope: body.scope,
            published: body.published ?? false,
          }),
        );
        const items = manager.getRepository(UgcShowcaseItem);
        await items.delete({ showcaseId: showcase.id });
        if (body.submissionIds.length > 0)
          await items.insert(
            body.submissionIds.map((submissionId, position) => ({
              showcaseId: showcase.id,
              submissionId,
              position,
            })),
          );
        const after = await this.summary(showcase, manager);
        await this.audit.record(
          ctx,
          {
            action: existing ? 'ugc_showcase.updated' : 'ugc_showcase.created',
            entityType: 'ugc_showcase',
            entityId: showcase.id,
            before,
            after,
          },
          manager,
        );
        return after;
      });
      return saved;
    } catch (error) {
      if (isUniqueViolation(error, SLUG_KEY))
        throw conflict('That slug is taken', { slug: 'is taken' });
      throw error;
    }
  }

  /** The public page: always the `website` scope, whatever the showcase's own scope. */
  async publicPage(slug: string): Promise<PublicShowcase> {
    const showcase = await this.published(slug);
    const items = await this.showable(showcase.id, 'website', '');
    const aggregate = aggregateOf(items);
    return {
      name: showcase.name,
      slug: showcase.slug,
      description: showcase.description,
      items,
      aggregate,
      jsonLd: showcaseJsonLd(showcase.name, items, aggregate),
    };
  }

  /** The feed and widget use the showcase's scope and absolute URLs (they run on other sites). */
  async feed(slug: string): Promise<ShowcaseFeed> {
    const showcase = await this.published(slug);
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const items = await this.showable(showcase.id, showcase.scope, base);
    return {
      name: showcase.name,
      slug: showcase.slug,
      description: showcase.description,
      scope: showcase.scope,
      items,
      aggregate: aggregateOf(items),
      generatedAt: new Date().toISOString(),
    };
  }

  private async published(slug: string): Promise<UgcShowcase> {
    const showcase = /^[a-z0-9-]{1,64}$/.test(slug)
      ? await this.db
          .getRepository(UgcShowcase)
          .findOneBy({ slug, published: true })
      : null;
    if (!showcase) throw notFound('Showcase');
    return showcase;
  }

  private async showable(
    showcaseId: string,
    scope: ConsentScope,
    base: string,
    manager: EntityManager = this.db.manager,
  ): Promise<PublicTestimonial[]> {
    const rows: ShowableRow[] = await manager.query(
      `SELECT s.id, s.submitter_name, c.display_name, s.text, s.excerpt_start, s.excerpt_end, s.rating,
              s.featured, s.disclosure, s.video_url, s.social_url, s.created_at,
              (SELECT json_agg(json_build_object('id', m.id, 'width', m.width, 'height', m.height) ORDER BY m.position)
                 FROM ugc_media m WHERE m.submission_id = s.id) AS media
         FROM ugc_showcase_items i
         JOIN ugc_submissions s ON s.id = i.submission_id
         JOIN ugc_consents c ON c.submission_id = s.id
        WHERE i.showcase_id = $1 AND ${showableSql(scope)}
        ORDER BY i.position`,
      [showcaseId],
    );
    return rows.map((row) => ({
      id: row.id,
      author: displayNameFor(row.submitter_name, row.display_name),
      text:
        row.text !== null &&
        row.excerpt_start !== null &&
        row.excerpt_end !== null
          ? row.text.slice(row.excerpt_start, row.excerpt_end)
          : row.text,
      rating: row.rating,
      featured: row.featured,
      disclosure: row.disclosure,
      videoUrl: row.video_url,
      socialUrl: row.social_url,
      images: (row.media ?? []).map((m) => ({
        url: base + publicMediaUrl(m.id, 'full'),
        thumbUrl: base + publicMediaUrl(m.id, 'thumb'),
        width: m.width,
        height: m.height,
      })),
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  private async assertCuratable(
    manager: EntityManager,
    ids: string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    const rows = await manager
      .getRepository(UgcSubmission)
      .find({ where: { id: In(ids) }, select: { id: true, status: true } });
    const status = new Map(rows.map((row) => [row.id, row.status]));
    const errors: Record<string, string> = {};
    ids.forEach((id, index) => {
      const found = status.get(id);
      if (!found) errors[`submissionIds[${index}]`] = 'was not found';
      else if (found !== 'approved')
        errors[`submissionIds[${index}]`] = `is ${found}, not approved`;
    });
    if (Object.keys(errors).length > 0)
      throw invalid(
        errors,
        'Only approved submissions can be added to a showcase',
      );
  }

  private async summary(
    showcase: UgcShowcase,
    manager: EntityManager = this.db.manager,
  ): Promise<UgcShowcaseSummary> {
    const items = await manager
      .getRepository(UgcShowcaseItem)
      .find({ where: { showcaseId: showcase.id }, order: { position: 'ASC' } });
    const visible = await this.showable(
      showcase.id,
      showcase.scope,
      '',
      manager,
    );
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    return {
      id: showcase.id,
      name: showcase.name,
      slug: showcase.slug,
      description: showcase.description,
      scope: showcase.scope,
      published: showcase.published,
      submissionIds: items.map((item) => item.submissionId),
      visibleCount: visible.length,
      publicPath: `/showcase/${showcase.slug}`,
      feedUrl: `${base}/api/v1/ugc/public/showcases/${showcase.slug}/feed.json`,
      embedSnippet: `<script src="${base}/api/v1/ugc/embed/showcase.js" defer></script>\n<advocacy-showcase showcase="${showcase.slug}"></advocacy-showcase>`,
      updatedAt: showcase.updatedAt.toISOString(),
    };
  }
}

function aggregateOf(items: PublicTestimonial[]) {
  const rated = items.filter((item) => item.rating !== null);
  const sum = rated.reduce((total, item) => total + (item.rating ?? 0), 0);
  return {
    ratingCount: rated.length,
    ratingValue:
      rated.length > 0 ? Math.round((sum / rated.length) * 10) / 10 : null,
  };
}
