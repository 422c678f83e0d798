import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { REDIRECT_ROUTE } from '../../referrals/redirect/redirect.route';
import { GLOBAL_PREFIX, UNPREFIXED_BASES } from '../http/routing';
import { ACCESS_KEY, AccessRule, describeAccess } from './access.decorator';

export interface RouteEntry {
  method: string;
  path: string;
  access: string;
  rule: AccessRule | undefined;
}

/** Every HTTP route the app declares, with its access rule, read from controller metadata. */
export function listRoutes(app: INestApplication): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as
        | (new (...args: unknown[]) => unknown)
        | null;
      if (!type) continue;
      const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, type));
      const classRule = Reflect.getMetadata(ACCESS_KEY, type) as
        | AccessRule
        | undefined;
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPaths === undefined) continue;
        const method =
          RequestMethod[
            Reflect.getMetadata(METHOD_METADATA, handler) as number
          ];
        const rule =
          (Reflect.getMetadata(ACCESS_KEY, handler) as
            | AccessRule
            | undefined) ?? classRule;
        for (const base of controllerPaths) {
          const prefix = UNPREFIXED_BASES.includes(trimSlashes(base))
            ? ''
            : GLOBAL_PREFIX;
          for (const sub of asArray(methodPaths)) {
            const parts = [prefix, base, sub].map(trimSlashes).filter(Boolean);
            routes.push({
              method,
              path: `/${parts.join('/')}`,
              access: describeAccess(rule),
              rule,
            });
          }
        }
      }
    }
  }
  routes.push(...RAW_ROUTES);
  return routes.sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

/** Routes registered on Fastify directly (outside Nest), with the rule they follow. */
const RAW_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: REDIRECT_ROUTE,
    access: 'public',
    rule: { kind: 'public' },
  },
];

function asArray(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}
