import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { isbot } from 'isbot';
import { createHash, createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { InjectRedis } from '../../redis/redis.module';
import { CLICK_GROUP, CLICK_STREAM, ClickEntry } from './click-stream';

const BATCH = 2000;
const BLOCK_MS = 1000;
/** Entries a crashed writer read but never acknowledged are taken over after this long. */
const STALE_MS = 30_000;
const UNIQUE_WINDOW_SECONDS = 3600;

type StreamBatch = [string, string[]][];

/**
 * Moves clicks from the Redis stream into PostgreSQL in batches, with the daily counters in
 * the same statement. Entries are acknowledged only after the insert commits, and the insert
 * ignores click ids it already has, so a crash between the two writes each click once.
 */
@Injectable()
export class ClickWriterService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(ClickWriterService.name);
  private readonly consumer = `${hostname()}-${process.pid}`;
  private readonly ipKey: Buffer;
  private reader: Redis | undefined;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.ipKey = createHmac('sha256', config.JWT_SECRET)
      .update('click-ip-hash')
      .digest();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_WORKERS) return;
    await this.ensureGroup();
    this.reader = this.redis.duplicate();
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.reader?.disconnect();
    await this.loop?.catch(() => undefined);
  }

  /** Writes whatever is waiting now; the loop calls it, and so do tests and benchmarks. */
  async drainOnce(reader: Redis = this.redis): Promise<number> {
    const claimed = (await reader.xautoclaim(
      CLICK_STREAM,
      CLICK_GROUP,
      this.consumer,
      STALE_MS,
      '0',
      'COUNT',
      BATCH,
    )) as [string, [string, string[]][]];
    let written = await this.write(claimed[1]);
    const fresh = (await reader.xreadgroup(
      'GROUP',
      CLICK_GROUP,
      this.consumer,
      'COUNT',
      BATCH,
      'BLOCK',
      BLOCK_MS,
      'STREAMS',
      CLICK_STREAM,
      '>',
    )) as StreamBatch | null;
    for (const [, entries] of fresh ?? [])
      written += await this.write(entries as unknown as [string, string[]][]);
    return written;
  }

  async ensureGroup(): Promise<void> {
    // ioredis does not apply its key prefix to XGROUP's key, so it is added here.
    const key = `${this.redis.options.keyPrefix ?? ''}${CLICK_STREAM}`;
    await this.redis
      .xgroup('CREATE', key, CLICK_GROUP, '0', 'MKSTREAM')
      .catch((error: Error) => {
        if (!error.message.includes('BUSYGROUP')) throw error;
      });
  }

  private async run(): Promise<void> {
    while (this.running && this.reader) {
      try {
        await this.drainOnce(this.reader);
      } catch (error) {
        if (!this.running) return;
        this.logger.error({ err: error }, 'Writing clicks failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async write(entries: [string, string[]][]): Promise<number> {
    if (entries.length === 0) return 0;
    const day = new Date().toISOString().slice(0, 10);
    const clicks = entries.map(([, fields]) => {
      const entry = toEntry(fields);
      return { ...entry, ip: this.hashIp(entry.ip, day) };
    });
    const unique = await this.markUnique(clicks);
    const rows = clicks.map((click, i) => ({
      click_id: click.id,
      code_id: click.code,
      programme_id: click.prog,
      at: new Date(Number(click.at)).toISOString(),
      ip_hash: click.ip,
      user_agent: click.ua,
      referrer: click.ref || null,
      is_bot: click.ua === '' || isbot(click.ua),
      is_unique: unique[i],
    }));
    await this.db.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(click_id uuid, code_id uuid, programme_id uuid,
           at timestamptz, ip_hash text, user_agent text, referrer text, is_bot boolean, is_unique boolean)
       ), inserted AS (
         INSERT INTO referral_clicks (click_id, code_id, programme_id, at, ip_hash, user_agent, referrer, is_bot, is_unique)
         SELECT click_id, code_id, programme_id, at, ip_hash, user_agent, referrer, is_bot, is_unique FROM input
         ON CONFLICT (click_id) DO NOTHING
         RETURNING code_id, programme_id, at, is_bot, is_unique
       )
       INSERT INTO referral_click_daily (code_id, day, programme_id, clicks, unique_clicks, bot_clicks)
       SELECT code_id, (at AT TIME ZONE 'UTC')::date, programme_id, count(*),
              count(*) FILTER (WHERE is_unique AND NOT is_bot), count(*) FILTER (WHERE is_bot)
         FROM inserted GROUP BY 1, 2, 3
       ON CONFLICT (code_id, day) DO UPDATE SET
         clicks = referral_click_daily.clicks + EXCLUDED.clicks,
         unique_clicks = referral_click_daily.unique_clicks + EXCLUDED.unique_clicks,
         bot_clicks = referral_click_daily.bot_clicks + EXCLUDED.bot_clicks`,
      [JSON.stringify(rows)],
    );
    const ids = entries.map(([id]) => id);
    await this.redis
      .multi()
      .xack(CLICK_STREAM, CLICK_GROUP, ...ids)
      .xdel(CLICK_STREAM, ...ids)
      .exec();
    return entries.length;
  }

  /** Keyed and salted by day: the same visitor is recognisable for a day; the address is never stored. */
  private hashIp(ip: string, day: string): string {
    return createHmac('sha256', this.ipKey)
      .update(`${day}|${ip}`)
      .digest('base64url')
      .slice(0, 22);
  }

  /** A repeat from the same address and agent on the same code within an hour is not unique. */
  private async markUnique(clicks: ClickEntry[]): Promise<boolean[]> {
    const pipeline = this.redis.pipeline();
    for (const click of clicks) {
      const agent = createHash('sha1').update(click.ua).digest('base64url');
      // Storing the click id makes a retried batch find its own marks and keep them unique.
      pipeline.set(
        `click-seen:${click.code}:${click.ip}:${agent}`,
        click.id,
        'EX',
        UNIQUE_WINDOW_SECONDS,
        'NX',
        'GET',
      );
    }
    const results = (await pipeline.exec()) ?? [];
    return results.map(
      ([error, previous], i) =>
        !error && (previous === null || previous === clicks[i].id),
    );
  }
}

function toEntry(fields: string[]): ClickEntry {
  const entry: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 2) entry[fields[i]] = fields[i + 1];
  return entry as unknown as ClickEntry;
}
