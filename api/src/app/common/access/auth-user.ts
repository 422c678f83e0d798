import { Role } from '@advocacy/shared';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../errors';

/** The verified caller, as read from the access token. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  customerId: string | null;
}

export type AuthedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const user = context.switchToHttp().getRequest<AuthedRequest>().user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    return user;
  },
);
