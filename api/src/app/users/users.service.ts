import {
  InviteCreated,
  InviteStaffRequest,
  Role,
  SessionUser,
  UserSummary,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { RequestContext } from '../common/access';
import { conflict, DomainError, notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { AuditService, escapeLike } from '../audit/audit.service';
import { sha256 } from '../common/crypto/hash';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { User } from './entities/user.entity';

const INVITE_TTL_MS = 7 * 86_400_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
  };
}

function toSummary(user: User): UserSummary {
  return {
    ...toSessionUser(user),
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    disabled: user.disabledAt !== null,
    invitePending: user.passwordHash === null && user.inviteTokenHash !== null,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normaliseEmail(email) });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  async create(
    manager: EntityManager,
    values: {
      email: string;
      name: string;
      role: Role;
      passwordHash: string | null;
      customerId?: string | null;
    },
  ): Promise<User> {
    const repository = manager.getRepository(User);
    const email = normaliseEmail(values.email);
    if (await repository.existsBy({ email })) {
      throw conflict('An account with this email already exists', {
        email: 'is already registered',
      });
    }
    return repository.save(
      repository.create({
        ...values,
        email,
        customerId: values.customerId ?? null,
      }),
    );
  }

  async markSignedIn(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  async list(query: ListUsersQueryDto) {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const [rows, total] = await qb
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toSummary), total, query);
  }

  async invite(
    ctx: RequestContext,
    request: InviteStaffRequest,
  ): Promise<InviteCreated> {
    const token = randomBytes(24).toString('base64url');
    const user = await this.db.transaction(async (manager) => {
      const created = await this.create(manager, {
        ...request,
        passwordHash: null,
      });
      created.inviteTokenHash = sha256(token);
      created.inviteExpiresAt = new Date(Date.now() + INVITE_TTL_MS);
      await manager.save(created);
      await this.audit.record(
        ctx,
        {
          action: 'user.invited',
          entityType: 'user',
          entityId: created.id,
          after: toSummary(created),
        },
        manager,
      );
      return created;
    });
    const inviteUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/accept-invite?token=${token}`;
    return { user: toSessionUser(user), inviteUrl };
  }

  /** Sets the password of an invited user; the token works once and within its lifetime. */
  async acceptInvite(token: string, passwordHash: string): Promise<User> {
    return this.db.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.invite_token_hash = :hash', { hash: sha256(token) })
        .getOne();
      if (!user || !user.inviteExpiresAt || user.inviteExpiresAt < new Date()) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'This invitation is invalid or has expired',
          {
            token: 'is invalid or has expired',
          },
        );
      }
      user.passwordHash = passwordHash;
      user.inviteTokenHash = null;
      user.inviteExpiresAt = null;
      await manager.save(user);
      await this.audit.record(
        null,
        {
          action: 'user.invite_accepted',
          entityType: 'user',
          entityId: user.id,
          actor: user,
        },
        manager,
      );
      return user;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    change: UpdateUserDto,
  ): Promise<UserSummary> {
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(User);
      const user = await repository.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound('User');
      if (
        user.id === ctx.user?.id &&
        (change.disabled === true || (change.role && change.role !== user.role))
      ) {
        throw new DomainError(
          'FORBIDDEN',
          'You cannot disable yourself or change your own role',
        );
      }
      if (
        change.role &&
        (change.role === 'advocate') !== (user.role === 'advocate')
      ) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Advocates and staff cannot swap roles',
          {
            role: 'cannot turn an advocate into staff or back',
          },
        );
      }
      const before = toSummary(user);
      if (change.role) user.role = change.role;
      if (change.disabled !== undefined)
        user.disabledAt = change.disabled
          ? (user.disabledAt ?? new Date())
          : null;
      await repository.save(user);
      const after = toSummary(user);
      await this.audit.record(
        ctx,
        {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }
}
