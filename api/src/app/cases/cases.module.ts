import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseStatsService } from './case-stats.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseWorkService } from './case-work.service';
import { FollowupCaseNote } from './entities/followup-case-note.entity';
import { FollowupCaseTransition } from './entities/followup-case-transition.entity';
import { FollowupCase } from './entities/followup-case.entity';

/**
 * The detractor closed loop. Response writers call
 * `CasesService.openMissing(manager, customerIds?)` in their transaction, right after the
 * responses are written; it opens what is missing and publishes `case.opened`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      FollowupCase,
      FollowupCaseNote,
      FollowupCaseTransition,
    ]),
  ],
  controllers: [CasesController],
  providers: [CasesService, CaseWorkService, CaseStatsService],
  exports: [CasesService],
})
export class CasesModule {}
