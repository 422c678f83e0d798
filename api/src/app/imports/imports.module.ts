import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../queues/queue-names';
import { ImportJob } from './entities/import-job.entity';
import { ImportRowError } from './entities/import-row-error.entity';
import { ImportRunnerService } from './import-runner.service';
import { ImportsController } from './imports.controller';
import { ImportsProcessor } from './imports.processor';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    CasesModule,
    TypeOrmModule.forFeature([ImportJob, ImportRowError]),
    BullModule.registerQueue(
      { name: QUEUES.imports },
      { name: QUEUES.segments },
    ),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunnerService, ImportsProcessor],
  exports: [ImportsService, ImportRunnerService],
})
export class ImportsModule {}
