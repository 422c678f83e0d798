// Run by claims.mjs under @swc-node/register: the product's own claim path (idempotency included) on a plain DataSource.
import { dataSourceOptions } from '@advocacy/migrations';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { IdempotencyService } from '../api/src/app/common/idempotency/idempotency.service';
import { AppConfig } from '../api/src/app/config/app-config';
import { RewardClaimsService } from '../api/src/app/rewards/reward-claims.service';
import { RewardFulfilmentService } from '../api/src/app/rewards/reward-fulfilment.service';
import { RewardLedgerService } from '../api/src/app/rewards/reward-ledger.service';
import { RewardLimitsService } from '../api/src/app/rewards/reward-limits.service';
import { SegmentSnapshotService } from '../api/src/app/segments/segment-snapshot.service';
import { AuditService } from '../api/src/app/audit/audit.service';
import { WebhookOutboxService } from '../api/src/app/webhooks/webhook-outbox.service';

interface Target {
  rewardId: string;
  customerId: string;
}

async function main(): Promise<void> {
  const [command, url, concurrencyArg] = process.argv.slice(2);
  const db = new DataSource({
    ...dataSourceOptions(url),
    entities: [],
    logging: false,
  });
  await db.initialize();
  try {
    if (command === 'migrate') {
      await db.runMigrations();
      return;
    }
    // Points rewards are fulfilled inside the claim, so the fulfilment queue and audit are never touched.
    // A real outbox: claims write their reward.claimed event; dispatch kicks go to a stand-in queue.
    const ledger = new RewardLedgerService(
      new SegmentSnapshotService(db),
      new RewardLimitsService(db, {} as AuditService),
      new WebhookOutboxService(db, {
        add: async () => undefined,
      } as unknown as Queue),
    );
    const fulfilment = new RewardFulfilmentService(
      db,
      ledger,
      new AppConfig(),
      {} as Queue,
    );
    const claims = new RewardClaimsService(
      db,
      new IdempotencyService(db),
      ledger,
      fulfilment,
    );
    const targets: Target[] = await db.query(
      `SELECT id AS "rewardId", customer_id AS "customerId" FROM rewards WHERE source_ref LIKE 'product-%' AND state = 'available'`,
    );
    const concurrency = Number(concurrencyArg);
    let next = 0;
    let ok = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < targets.length) {
          const target = targets[next++];
          const user = {
            id: target.customerId,
            email: 'bench@bench.example',
            role: 'advocate' as const,
            customerId: target.customerId,
          };
          const response = await claims.claim(
            user,
            target.rewardId,
            randomUUID(),
          );
          if (response.status === 200 && response.body.state === 'fulfilled')
            ok += 1;
        }
      }),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(
      `${JSON.stringify({ ms, ok, attempted: targets.length })}\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
