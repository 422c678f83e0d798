import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { NpsAnalyticsService } from './nps-analytics.service';
import { VerbatimsService } from './verbatims.service';

@Module({
  controllers: [AnalyticsController],
  providers: [NpsAnalyticsService, VerbatimsService],
})
export class AnalyticsModule {}
