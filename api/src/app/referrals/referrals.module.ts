import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralClickDaily } from './entities/referral-click-daily.entity';
import { ReferralClick } from './entities/referral-click.entity';
import { ReferralCode } from './entities/referral-code.entity';
import { ReferralProgramme } from './entities/referral-programme.entity';
import { ClickWriterService } from './redirect/click-writer.service';
import { RedirectController } from './redirect/redirect.controller';
import { RedirectService } from './redirect/redirect.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReferralProgramme,
      ReferralCode,
      ReferralClick,
      ReferralClickDaily,
    ]),
  ],
  controllers: [RedirectController],
  providers: [RedirectService, ClickWriterService],
  exports: [RedirectService],
})
export class ReferralsModule {}
