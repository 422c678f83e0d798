import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InjectRedis } from '../../redis/redis.module';
import { CLICK_STREAM, ClickEntry } from './click-stream';
import { CachedCode, CodeCache } from './code-cache';

/** Letters, digits, `-` and `_`, 3–64 long: anything else is refused before any lookup. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

export interface Visit {
  code: string;
  ip: string;
  userAgent: string;
  referrer: string | null;
}

export interface RedirectDecision {
  location: string;
  clickId: string;
  cookieMaxAgeSeconds: number;
}

@Injectable()
export class RedirectService {
  private readonly cache = new CodeCache();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /**
   * Returns where to send the visitor, after the click is safely in the Redis stream:
   * the 302 is only sent once the click can no longer be lost.
   */
  async visit(visit: Visit): Promise<RedirectDecision | null> {
    if (!CODE_PATTERN.test(visit.code)) return null;
    const target = await this.lookup(visit.code.toLowerCase());
    if (!target) return null;
    const clickId = randomUUID();
    const entry: ClickEntry = {
      id: clickId,
      code: target.codeId,
      prog: target.programmeId,
      at: String(Date.now()),
      // Hashed by the batch writer: the raw address only waits in the short-lived buffer.
      ip: visit.ip,
      ua: visit.userAgent.slice(0, 512),
      ref: (visit.referrer ?? '').slice(0, 512),
    };
    await this.redis.xadd(
      CLICK_STREAM,
      '*',
      'id',
      entry.id,
      'code',
      entry.code,
      'prog',
      entry.prog,
      'at',
      entry.at,
      'ip',
      entry.ip,
      'ua',
      entry.ua,
      'ref',
      entry.ref,
    );
    return {
      location: target.locationHead + clickId + target.locationTail,
      clickId,
      cookieMaxAgeSeconds: target.attributionWindowDays * 86_400,
    };
  }

  /** Forgets cached codes, e.g. after a programme or code changes. */
  invalidate(): void {
    this.cache.clear();
  }

  private async lookup(code: string): Promise<CachedCode | null> {
    const cached = this.cache.get(code);
    if (cached !== undefined) return cached;
    const rows: {
      id: string;
      programme_id: string;
      landing_url: string;
      attribution_window_days: number;
    }[] = await this.db.query(
      `SELECT c.id, c.programme_id, p.landing_url, p.attribution_window_days
           FROM referral_codes c JOIN referral_programmes p ON p.id = c.programme_id
          WHERE c.code = $1 AND c.disabled_at IS NULL AND p.status = 'active'`,
      [code],
    );
    const row = rows[0];
    const value = row
      ? {
          codeId: row.id,
          programmeId: row.programme_id,
          ...locationParts(row.landing_url, code),
          attributionWindowDays: row.attribution_window_days,
        }
      : null;
    this.cache.set(code, value);
    return value;
  }
}

/** Splits the landing URL once per code, so a redirect only concatenates strings. */
export function locationParts(
  landingUrl: string,
  code: string,
): { locationHead: string; locationTail: string } {
  const url = new URL(landingUrl);
  url.searchParams.delete('ref');
  url.searchParams.delete('click_id');
  url.searchParams.set('ref', code);
  const tail = url.hash;
  url.hash = '';
  return { locationHead: `${url.toString()}&click_id=`, locationTail: tail };
}
