import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import {
  RecomputeResult,
  SegmentRecomputeService,
} from './segment-recompute.service';

@Processor(QUEUES.segments, { autorun: false })
export class SegmentsProcessor extends WorkerHost {
  constructor(private readonly segments: SegmentRecomputeService) {
    super();
  }

  async process(
    job: Job<SegmentJobs[keyof SegmentJobs]>,
  ): Promise<RecomputeResult> {
    switch (job.name as keyof SegmentJobs) {
      case 'recompute':
        return this.segments.recompute({ customerIds: job.data.customerIds });
      default:
        throw new Error(`Unknown segments job ${job.name}`);
    }
  }
}
