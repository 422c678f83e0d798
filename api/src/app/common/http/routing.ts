import { RouteInfo } from '@nestjs/common/interfaces';
import { RequestMethod } from '@nestjs/common';

export const GLOBAL_PREFIX = 'api/v1';

/** Controller base paths that live outside `/api/v1` (health probes, public short links). */
export const UNPREFIXED_BASES = ['api/health', 'r', 'o'];

export const PREFIX_EXCLUDES: RouteInfo[] = UNPREFIXED_BASES.flatMap((base) => [
  { path: base, method: RequestMethod.ALL },
  { path: `${base}/{*rest}`, method: RequestMethod.ALL },
]);
