import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/access';
import { DomainError } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { CustomersService } from '../customers/customers.service';
import {
  normaliseEmail,
  toSessionUser,
  UsersService,
} from '../users/users.service';
import { AcceptInviteDto } from './dto/accept-invite.dto';
import { JoinDto } from './dto/join.dto';
import { LoginDto } from './dto/login.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';
import { IssuedSession, TokenService } from './token.service';

const BAD_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly customers: CustomersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async login(ctx: RequestContext, body: LoginDto): Promise<IssuedSession> {
    const email = normaliseEmail(body.email);
    await this.limiter.hit(ctx.ip, email);
    const user = await this.users.findByEmail(email);
    // Always verify, even for unknown emails, so response time does not reveal who exists.
    const valid = await this.passwords.verify(
      user?.passwordHash ?? null,
      body.password,
    );
    if (!user || !valid || user.disabledAt) {
      await this.limiter.recordFailure(email);
      await this.audit.record(ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email },
        actor: { id: null, email },
      });
      throw new DomainError('INVALID_CREDENTIALS', BAD_CREDENTIALS);
    }
    await this.limiter.reset(email);
    await this.users.markSignedIn(user.id);
    await this.audit.record(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actor: { id: user.id, email: user.email },
    });
    return this.tokens.issue(toSessionUser(user));
  }

  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken)
      throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    const { userId, familyId } = await this.tokens.rotate(refreshToken);
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt)
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your session has ended; sign in again',
      );
    return this.tokens.issue(toSessionUser(user), familyId);
  }

  async logout(
    ctx: RequestContext,
    refreshToken: string | undefined,
  ): Promise<void> {
    if (refreshToken) await this.tokens.revoke(refreshToken);
    if (ctx.user) {
      await this.audit.record(ctx, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: ctx.user.id,
      });
    }
  }

  async acceptInvite(
    ctx: RequestContext,
    body: AcceptInviteDto,
  ): Promise<IssuedSession> {
    const passwordHash = await this.passwords.hash(body.password);
    const user = await this.users.acceptInvite(body.token, passwordHash);
    await this.users.markSignedIn(user.id);
    await this.audit.record(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actor: user,
    });
    return this.tokens.issue(toSessionUser(user));
  }

  /** A new advocate: the customer record (existing or new) gets a portal login. */
  async join(ctx: RequestContext, body: JoinDto): Promise<IssuedSession> {
    const passwordHash = await this.passwords.hash(body.password);
    const user = await this.db.transaction(async (manager) => {
      const email = normaliseEmail(body.email);
      const customer = await this.customers.findOrCreateByEmail(
        manager,
        email,
        body.name.trim(),
      );
      const created = await this.users.create(manager, {
        email,
        name: body.name.trim(),
        role: 'advocate',
        passwordHash,
        customerId: customer.id,
      });
      await this.audit.record(
        ctx,
        {
          action: 'auth.joined',
          entityType: 'user',
          entityId: created.id,
          actor: created,
          after: { email },
        },
        manager,
      );
      return created;
    });
    await this.users.markSignedIn(user.id);
    return this.tokens.issue(toSessionUser(user));
  }
}
