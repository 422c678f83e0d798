import { MigrationInterface } from 'typeorm';
import { Foundation1795474055796 } from './1795474055796-Foundation';
import { CustomersSurveysSegments1795475025199 } from './1795475025199-CustomersSurveysSegments';
import { ReferralProgrammes1795475339604 } from './1795475339604-ReferralProgrammes';
import { RewardsLedger1795475510969 } from './1795475510969-RewardsLedger';
import { ReferralCodesAndClicks1795475691176 } from './1795475691176-ReferralCodesAndClicks';
import { ReferralEvents1795477872244 } from './1795477872244-ReferralEvents';
import { RewardClaimMinimum1795477994175 } from './1795477994175-RewardClaimMinimum';
import { ImportProcessedBytes1795478015490 } from './1795478015490-ImportProcessedBytes';
import { AmbassadorProgrammes1795480000000 } from './1795480000000-AmbassadorProgrammes';
import { UgcTestimonials1795481000000 } from './1795481000000-UgcTestimonials';
import { Outreach1795482000000 } from './1795482000000-Outreach';
import { WebhooksAndCases1795483000000 } from './1795483000000-WebhooksAndCases';
import { EventInbox1795484000000 } from './1795484000000-EventInbox';
import { ReferralRefunds1795484100000 } from './1795484100000-ReferralRefunds';
import { ApplicationEmailConfirmation1795485000000 } from './1795485000000-ApplicationEmailConfirmation';

/** Listed by hand because the bundled API cannot glob for migration files. */
export const migrations: (new () => MigrationInterface)[] = [
  Foundation1795474055796,
  CustomersSurveysSegments1795475025199,
  ReferralProgrammes1795475339604,
  RewardsLedger1795475510969,
  ReferralCodesAndClicks1795475691176,
  ReferralEvents1795477872244,
  RewardClaimMinimum1795477994175,
  ImportProcessedBytes1795478015490,
  AmbassadorProgrammes1795480000000,
  UgcTestimonials1795481000000,
  Outreach1795482000000,
  WebhooksAndCases1795483000000,
  EventInbox1795484000000,
  ReferralRefunds1795484100000,
  ApplicationEmailConfirmation1795485000000,
];
