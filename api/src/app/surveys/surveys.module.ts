import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { QUEUES } from '../queues/queue-names';
import { SurveyResponse } from './entities/survey-response.entity';
import { Survey } from './entities/survey.entity';
import { ResponseIntakeService } from './response-intake.service';
import { ResponsesController } from './responses.controller';
import { SurveyLinksController } from './survey-links.controller';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Survey, SurveyResponse]),
    BullModule.registerQueue({ name: QUEUES.segments }),
    CasesModule,
  ],
  controllers: [SurveysController, SurveyLinksController, ResponsesController],
  providers: [SurveysService, ResponseIntakeService],
  exports: [SurveysService],
})
export class SurveysModule {}
