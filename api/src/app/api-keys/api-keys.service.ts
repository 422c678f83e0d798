import { ApiKeyCreated, ApiKeySummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import {
  ApiKeyVerifier,
  AuthedRequest,
  RequestContext,
} from '../common/access';
import { sha256 } from '../common/crypto/hash';
import { DomainError, notFound } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKey } from './entities/api-key.entity';

const KEY_PREFIX = 'ak_';

function toSummary(key: ApiKey): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService extends ApiKeyVerifier {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {
    super();
  }

  async create(
    ctx: RequestContext,
    body: CreateApiKeyDto,
  ): Promise<ApiKeyCreated> {
    const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const saved = await this.db.transaction(async (manager) => {
      const created = await manager.getRepository(ApiKey).save(
        manager.getRepository(ApiKey).create({
          name: body.name.trim(),
          scopes: body.scopes,
          prefix: key.slice(0, 10),
          keyHash: sha256(key),
          createdBy: ctx.user?.id ?? null,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: created.id,
          after: toSummary(created),
        },
        manager,
      );
      return created;
    });
    return { apiKey: toSummary(saved), key };
  }

  async list(): Promise<ApiKeySummary[]> {
    const keys = await this.keys.find({ order: { createdAt: 'DESC' } });
    return keys.map(toSummary);
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeySummary> {
    return this.db.transaction(async (manager) => {
      const key = await manager.getRepository(ApiKey).findOneBy({ id });
      if (!key) throw notFound('API key');
      const before = toSummary(key);
      key.revokedAt ??= new Date();
      await manager.save(key);
      await this.audit.record(
        ctx,
        {
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: id,
          before,
          after: toSummary(key),
        },
        manager,
      );
      return toSummary(key);
    });
  }

  /** Accepts `X-Api-Key: ak_…` or `Authorization: Bearer ak_…`. */
  async verify(request: AuthedRequest, scope: string): Promise<void> {
    const header = request.headers['x-api-key'];
    const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    const presented =
      typeof header === 'string'
        ? header
        : bearer?.startsWith(KEY_PREFIX)
          ? bearer
          : undefined;
    if (!presented)
      throw new DomainError('UNAUTHENTICATED', 'An API key is required');
    const key = await this.keys.findOneBy({
      keyHash: sha256(presented),
      revokedAt: IsNull(),
    });
    if (!key)
      throw new DomainError(
        'UNAUTHENTICATED',
        'This API key is unknown or revoked',
      );
    if (!key.scopes.includes(scope as ApiKey['scopes'][number])) {
      throw new DomainError(
        'FORBIDDEN',
        `This API key lacks the scope ${scope}`,
      );
    }
    void this.keys.update({ id: key.id }, { lastUsedAt: new Date() });
  }
}
