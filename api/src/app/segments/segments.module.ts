import { BullModule } from '@nestjs/bullmq';
import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { QUEUES } from '../queues/queue-names';
import { CustomerSegment } from './entities/customer-segment.entity';
import { SegmentChange } from './entities/segment-change.entity';
import { SegmentRuleSet } from './entities/segment-rule-set.entity';
import { SegmentRecomputeService } from './segment-recompute.service';
import { SegmentRulesService } from './segment-rules.service';
import { SegmentSnapshotService } from './segment-snapshot.service';
import { SegmentsController } from './segments.controller';
import { SegmentsProcessor } from './segments.processor';
import { SegmentsService } from './segments.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([SegmentRuleSet, CustomerSegment, SegmentChange]),
    BullModule.registerQueue({ name: QUEUES.segments }),
  ],
  controllers: [SegmentsController],
  providers: [
    SegmentSnapshotService,
    SegmentRulesService,
    SegmentRecomputeService,
    SegmentsService,
    SegmentsProcessor,
  ],
  exports: [
    SegmentSnapshotService,
    SegmentRecomputeService,
    SegmentRulesService,
    BullModule,
  ],
})
export class SegmentsModule implements OnApplicationBootstrap {
  constructor(
    private readonly recompute: SegmentRecomputeService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_WORKERS) await this.recompute.scheduleHourly();
  }
}
