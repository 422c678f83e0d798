import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ImportJobs, QUEUES } from '../queues/queue-names';
import { ImportRunnerService } from './import-runner.service';

@Processor(QUEUES.imports, { autorun: false })
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly runner: ImportRunnerService) {
    super();
  }

  async process(job: Job<ImportJobs[keyof ImportJobs]>): Promise<void> {
    if ((job.name as keyof ImportJobs) !== 'run')
      throw new Error(`Unknown import job ${job.name}`);
    await this.runner.run(job.data.importId);
  }
}
