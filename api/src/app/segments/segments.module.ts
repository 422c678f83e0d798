import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../queues/queue-names';
import { CustomerSegment } from './entities/customer-segment.entity';
import { SegmentChange } from './entities/segment-change.entity';
import { SegmentRuleSet } from './entities/segment-rule-set.entity';
import { SegmentSnapshotService } from './segment-snapshot.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([SegmentRuleSet, CustomerSegment, SegmentChange]),
    BullModule.registerQueue({ name: QUEUES.segments }),
  ],
  providers: [SegmentSnapshotService],
  exports: [SegmentSnapshotService, BullModule],
})
export class SegmentsModule {}
