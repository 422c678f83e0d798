import { Role } from '@advocacy/shared';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';

export const ACCESS_KEY = 'advocacy:access';

/** Who may call a route. A route without one of these decorators is refused. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'apiKey'; scope: string };

/** Open to anyone, signed in or not. */
export const Public = () =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Signed-in users holding one of these roles. */
export const Roles = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
  );

/** A brand system calling with an API key that holds this scope. */
export const ApiKeyScope = (scope: string) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'apiKey', scope } satisfies AccessRule),
    ApiSecurity('apiKey'),
  );

export function describeAccess(rule: AccessRule | undefined): string {
  if (!rule) return 'UNDECLARED';
  if (rule.kind === 'public') return 'public';
  if (rule.kind === 'apiKey') return `apiKey:${rule.scope}`;
  return [...rule.roles].sort().join('|');
}
