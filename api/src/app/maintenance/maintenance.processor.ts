import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MaintenanceJobs, QUEUES } from '../queues/queue-names';
import { MaintenanceService } from './maintenance.service';

@Processor(QUEUES.maintenance, { autorun: false })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly maintenance: MaintenanceService) {
    super();
  }

  async process(
    job: Job<MaintenanceJobs[keyof MaintenanceJobs]>,
  ): Promise<{ purged: number }> {
    switch (job.name as keyof MaintenanceJobs) {
      case 'purge-expired-tokens':
        return { purged: await this.maintenance.purgeExpiredTokens(job.data) };
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
