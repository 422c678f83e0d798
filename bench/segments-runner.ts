// Run by segments.mjs under @swc-node/register: the product's own SegmentRecomputeService on a plain DataSource.
import { dataSourceOptions } from '@advocacy/migrations';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../api/src/app/audit/audit.service';
import { SegmentRuleSet } from '../api/src/app/segments/entities/segment-rule-set.entity';
import { SegmentRecomputeService } from '../api/src/app/segments/segment-recompute.service';
import { SegmentRulesService } from '../api/src/app/segments/segment-rules.service';

async function main(): Promise<void> {
  const [command, url, asOf] = process.argv.slice(2);
  const db = new DataSource({
    ...dataSourceOptions(url),
    entities: [SegmentRuleSet],
    logging: false,
  });
  await db.initialize();
  try {
    if (command === 'migrate') {
      await db.runMigrations();
      return;
    }
    // Recompute neither queues nor audits, so those collaborators are never touched.
    const audit = {} as AuditService;
    const rules = new SegmentRulesService(db, audit);
    const service = new SegmentRecomputeService(db, {} as Queue, rules, audit);
    const started = process.hrtime.bigint();
    const result = await service.recompute({
      now: asOf ? new Date(asOf) : new Date(),
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`${JSON.stringify({ ms, ...result })}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
