import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { OutreachJobs, QUEUES } from '../queues/queue-names';
import { OutreachDeliveryService } from './outreach-delivery.service';
import { OutreachSendsService } from './outreach-sends.service';

/** Thin: parses the job and hands it to the delivery service. */
@Processor(QUEUES.outreach, {
  autorun: false,
  lockDuration: 60_000,
  stalledInterval: 30_000,
})
export class OutreachProcessor extends WorkerHost {
  constructor(
    private readonly delivery: OutreachDeliveryService,
    private readonly sends: OutreachSendsService,
  ) {
    super();
  }

  async process(job: Job<OutreachJobs[keyof OutreachJobs]>): Promise<unknown> {
    switch (job.name as keyof OutreachJobs) {
      case 'deliver': {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return {
          outcome: await this.delivery.deliver(
            (job.data as OutreachJobs['deliver']).sendId,
            finalAttempt,
          ),
        };
      }
      case 'tick': {
        const due = await this.delivery.recover();
        for (const send of due) await this.sends.requeue(send);
        return { requeued: due.length };
      }
      default:
        throw new Error(`Unknown outreach job ${job.name}`);
    }
  }
}
