import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthedRequest, AuthUser } from './auth-user';

/** Who is acting and from where, for audit entries and rate limits. */
export interface RequestContext {
  user: AuthUser | null;
  ip: string;
  userAgent: string;
  requestId: string;
}

export function requestContextOf(request: AuthedRequest): RequestContext {
  return {
    user: request.user ?? null,
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
    requestId: String(request.id),
  };
}

export const Ctx = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext =>
    requestContextOf(context.switchToHttp().getRequest<AuthedRequest>()),
);
