import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { AuthedRequest, AuthUser } from './auth-user';
import { ApiKeyVerifier } from './api-key-verifier';

interface AccessTokenClaims {
  sub: string;
  email: string;
  role: AuthUser['role'];
  cid: string | null;
}

/** Deny by default: every route must declare who may call it. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(
      ACCESS_KEY,
      [context.getHandler(), context.getClass()],
    );
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (!rule)
      throw new DomainError('FORBIDDEN', 'This route declares no access rule');
    if (rule.kind === 'public') {
      request.user = await this.optionalUser(request);
      return true;
    }
    if (rule.kind === 'apiKey') {
      await this.apiKeys.verify(request, rule.scope);
      return true;
    }
    const user = await this.requireUser(request);
    if (!rule.roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', 'Your role may not do this');
    }
    request.user = user;
    return true;
  }

  private async requireUser(request: AuthedRequest): Promise<AuthUser> {
    const token = bearerToken(request);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      return {
        id: claims.sub,
        email: claims.email,
        role: claims.role,
        customerId: claims.cid,
      };
    } catch {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your session has expired; sign in again',
      );
    }
  }

  private async optionalUser(
    request: AuthedRequest,
  ): Promise<AuthUser | undefined> {
    if (!bearerToken(request)) return undefined;
    return this.requireUser(request).catch(() => undefined);
  }
}

function bearerToken(request: AuthedRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}
