import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RewardsModule } from '../rewards/rewards.module';
import { SeedService } from './seed.service';

@Module({
  imports: [AuthModule, RewardsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
