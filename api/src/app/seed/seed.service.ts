import { Role } from '@advocacy/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { RewardsService } from '../rewards/rewards.service';
import { SegmentRecomputeService } from '../segments/segment-recompute.service';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';
import { FileStorage } from '../storage/file-storage';
import { Customer } from '../customers/entities/customer.entity';
import { User } from '../users/entities/user.entity';
import { seedDemoCases } from './demo-cases';
import { seedDemoOutreach } from './demo-outreach';
import { seedDemoAmbassadors } from './demo-ambassadors';
import { demoPeople } from './demo-people';
import { seedDemoEvents } from './demo-events';
import { seedDemoReferralActivity } from './demo-referral-activity';
import { seedDemoReferralRewards } from './demo-referral-rewards';
import { seedDemoReferrals } from './demo-referrals';
import { seedDemoRewards } from './demo-rewards';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoUgc } from './demo-ugc';

export const DEMO_PASSWORD = 'demo-advocacy-2026';

export const DEMO_LOGINS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.test', name: 'Alex Admin', role: 'admin' },
  { email: 'manager@demo.test', name: 'Morgan Manager', role: 'manager' },
  { email: 'brand@demo.test', name: 'Blair Brand', role: 'brand' },
  { email: 'advocate@demo.test', name: 'Ada Advocate', role: 'advocate' },
];

const DEMO_CUSTOMERS = 400;
const SEED_LOCK = 7_310_002;

/** Seeds the demo programme; every step upserts, so running it again adds nothing. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly segments: SegmentRecomputeService,
    private readonly rewards: RewardsService,
    private readonly snapshots: SegmentSnapshotService,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Two seeds at once (two `npm start`s, parallel test files) would each see the other's half-made
   * demo as "already there"; a session lock makes the second wait for the first to finish.
   */
  async run(now = new Date()): Promise<void> {
    const lock = this.db.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      await this.seedAll(now);
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock($1)', [SEED_LOCK])
        .catch(() => undefined);
      await lock.release();
    }
  }

  private async seedAll(now: Date): Promise<void> {
    await this.seedCustomers(now);
    await this.seedUsers();
    await seedDemoSurveys(this.db, now);
    await this.segments.recomputeWithHistory(now);
    await seedDemoReferrals(this.db);
    await seedDemoReferralActivity(this.db, now);
    await seedDemoEvents(this.db, now);
    await seedDemoRewards(this.db, this.rewards);
    await seedDemoReferralRewards(this.db, this.rewards);
    await seedDemoCases(this.db, now);
    await seedDemoUgc(this.db, this.storage, this.rewards, this.snapshots, now);
    await seedDemoOutreach(this.db, now);
    await seedDemoAmbassadors(this.db, now);
    this.logger.log('Demo data is in place');
  }

  private async seedCustomers(now: Date): Promise<void> {
    const people = demoPeople(DEMO_CUSTOMERS, now);
    await this.db
      .getRepository(Customer)
      .createQueryBuilder()
      .insert()
      .values(
        people.map((person) => ({
          ...person,
          purchaseValue: person.purchaseValue.toFixed(2),
        })),
      )
      .orIgnore()
      .execute();
  }

  private async seedUsers(): Promise<void> {
    const users = this.db.getRepository(User);
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    for (const login of DEMO_LOGINS) {
      if (await users.existsBy({ email: login.email })) continue;
      let customerId: string | null = null;
      if (login.role === 'advocate') {
        await this.db
          .getRepository(Customer)
          .createQueryBuilder()
          .insert()
          .values({
            email: login.email,
            name: login.name,
            externalId: 'crm-demo-advocate',
            purchaseCount: 4,
            purchaseValue: '312.40',
            consentEmail: true,
          })
          .orIgnore()
          .execute();
        customerId = (
          await this.db
            .getRepository(Customer)
            .findOneByOrFail({ email: login.email })
        ).id;
      }
      await users.insert({ ...login, passwordHash, customerId });
    }
  }
}
