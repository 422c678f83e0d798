import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AmbassadorsModule } from './ambassadors/ambassadors.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access';
import { AllExceptionsFilter } from './common/errors';
import { ConfigModule } from './config/config.module';
import { CustomersModule } from './customers/customers.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { OutreachModule } from './outreach/outreach.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { RewardsModule } from './rewards/rewards.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SeedModule } from './seed/seed.module';
import { SegmentsModule } from './segments/segments.module';
import { SurveysModule } from './surveys/surveys.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { CasesModule } from './cases/cases.module';
import { StorageModule } from './storage/storage.module';
import { UgcModule } from './ugc/ugc.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    AuditModule,
    ApiKeysModule,
    HealthModule,
    UsersModule,
    CustomersModule,
    SegmentsModule,
    RewardsModule,
    SurveysModule,
    ImportsModule,
    AnalyticsModule,
    AuthModule,
    MaintenanceModule,
    SeedModule,
    ReferralsModule,
    WebhooksModule,
    CasesModule,
    StorageModule,
    UgcModule,
    OutreachModule,
    NotificationsModule,
    AmbassadorsModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
