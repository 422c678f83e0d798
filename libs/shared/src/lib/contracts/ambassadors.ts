import {
  ApplicationAnswers,
  AutoApproveRules,
  EligibilityCheck,
  EligibilityFacts,
  EligibilityRules,
  FormField,
} from '../ambassadors';
import { SegmentSnapshot } from '../segments/segment-rules';
import { PageQuery } from './pagination';

export const AMBASSADOR_PATHS = {
  programmes: 'ambassador-programmes',
  programme: 'ambassador-programmes/:id',
  form: 'ambassador-programmes/:id/form',
  funnel: 'ambassador-programmes/:id/funnel',
  applications: 'ambassador-programmes/:id/applications',
  bulk: 'ambassador-programmes/:id/applications/bulk',
  inviteNext: 'ambassador-programmes/:id/invite-next',
  perks: 'ambassador-programmes/:id/perks',
  training: 'ambassador-programmes/:id/training',
  directory: 'ambassador-programmes/:id/ambassadors',
  application: 'ambassador-applications/:id',
  decision: 'ambassador-applications/:id/decision',
  notes: 'ambassador-applications/:id/notes',
  revoke: 'ambassador-applications/:id/revoke',
  perkCodes: 'ambassador-perks/:id/codes',
  /** Signed-in advocates. */
  mine: 'ambassadors/programmes',
  myProgramme: 'ambassadors/programmes/:id',
  myDraft: 'ambassadors/programmes/:id/draft',
  myApply: 'ambassadors/programmes/:id/apply',
  myVisit: 'ambassadors/programmes/:id/visit',
  myWithdraw: 'ambassadors/applications/:id/withdraw',
  myPerkClaim: 'ambassadors/perks/:id/claim',
  myTrainingDone: 'ambassadors/training/:id/complete',
  /** Anyone, by programme slug. */
  publicProgramme: 'public/ambassador-programmes/:slug',
  publicApply: 'public/ambassador-programmes/:slug/applications',
  publicEvent: 'public/ambassador-programmes/:slug/events',
  /** The link emailed to someone who applied on the public page. */
  publicConfirmEmail: 'public/ambassador-applications/confirm-email',
} as const;

/** How long the emailed confirmation link of a public application stays valid. */
export const APPLICATION_EMAIL_LINK_DAYS = 7;

export const AMBASSADOR_PROGRAMME_STATUSES = [
  'draft',
  'open',
  'closed',
] as const;
export type AmbassadorProgrammeStatus =
  (typeof AMBASSADOR_PROGRAMME_STATUSES)[number];

export const WAITLIST_ORDERS = ['first_come', 'score'] as const;
export type WaitlistOrder = (typeof WAITLIST_ORDERS)[number];

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'waitlisted',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States that still hold the applicant's one open application per programme. */
export const OPEN_APPLICATION_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'in_review',
  'waitlisted',
];

export const DECISIONS = ['review', 'approve', 'reject', 'waitlist'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Which states each reviewer decision may start from. */
export const DECISION_FROM: Readonly<
  Record<Decision, readonly ApplicationState[]>
> = {
  review: ['submitted'],
  approve: ['submitted', 'in_review', 'waitlisted'],
  reject: ['submitted', 'in_review', 'waitlisted'],
  waitlist: ['submitted', 'in_review'],
};

export const REJECTION_REASONS = [
  'not_eligible',
  'incomplete',
  'audience_fit',
  'capacity',
  'conduct',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  not_eligible: 'Does not meet the eligibility rules',
  incomplete: 'Application incomplete',
  audience_fit: 'Not the right fit for this programme',
  capacity: 'Programme is full',
  conduct: 'Conduct or brand-safety concern',
  other: 'Other',
};

/** Message templates per decision; `{name}` and `{programme}` are filled in. */
export interface DecisionTemplates {
  approved: string;
  rejected: string;
  waitlisted: string;
}

export const DEFAULT_DECISION_TEMPLATES: DecisionTemplates = {
  approved:
    'Welcome aboard, {name}! You are now an ambassador in {programme}. Your perks and training are waiting in the portal.',
  rejected:
    'Thank you for applying to {programme}, {name}. We can’t offer you a place this time, and we’re grateful for your support.',
  waitlisted:
    'Thanks, {name}! {programme} is full right now, so you’re on the waitlist. We’ll let you know as soon as a place opens.',
};

export function fillTemplate(
  template: string,
  values: { name: string; programme: string },
): string {
  return template
    .replaceAll('{name}', values.name)
    .replaceAll('{programme}', values.programme);
}

export interface AmbassadorProgrammeRequest {
  name: string;
  slug: string;
  description: string;
  status: AmbassadorProgrammeStatus;
  /** Null = no limit. */
  capacity: number | null;
  waitlistOrder: WaitlistOrder;
  eligibility: EligibilityRules;
  autoApprove: AutoApproveRules;
  /** Null = a rejected applicant may never reapply. */
  reapplyCooldownDays: number | null;
  decisionTemplates: DecisionTemplates;
}

export interface AmbassadorFormRequest {
  fields: FormField[];
}

export interface AmbassadorFormVersion {
  id: string;
  version: number;
  fields: FormField[];
  createdAt: string;
}

export interface AmbassadorProgrammeSummary extends AmbassadorProgrammeRequest {
  id: string;
  form: AmbassadorFormVersion | null;
  counts: {
    submitted: number;
    inReview: number;
    approved: number;
    waitlisted: number;
  };
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationTransition {
  fromState: ApplicationState | null;
  toState: ApplicationState;
  reason: string | null;
  at: string;
}

/** What the applicant sees of their own application. */
export interface MyApplication {
  id: string;
  state: ApplicationState;
  answers: ApplicationAnswers;
  formVersion: number;
  decisionMessage: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  /** Waitlisted applications: place in the queue (1 = next). */
  waitlistPosition: number | null;
  /** After a rejection or withdrawal: when they may apply again; null = now, or never if `canReapply` is false. */
  reapplyAt: string | null;
  canReapply: boolean;
  history: ApplicationTransition[];
}

export interface PerkView {
  id: string;
  kind: PerkKind;
  title: string;
  description: string;
  startsAt: string | null;
  endsAt: string | null;
  link: string | null;
  /** Reward perks: what is granted. */
  reward: PerkReward | null;
  /** Code perks (managers): codes left to hand out. */
  codesLeft?: number;
  /** Advocates: what they received, if claimed. */
  claimed?: { code: string | null; rewardId: string | null; at: string } | null;
}

export interface TrainingModuleView {
  id: string;
  title: string;
  summary: string;
  content: string;
  position: number;
  estimatedMinutes: number;
  /** Advocates: when they completed it. */
  completedAt?: string | null;
  /** Managers: share of current ambassadors who completed it (0–100). */
  completionRate?: number;
  completions?: number;
}

/** The advocate's view of one programme: eligibility, form, their application, perks and training. */
export interface MyAmbassadorProgramme {
  id: string;
  name: string;
  slug: string;
  description: string;
  status: AmbassadorProgrammeStatus;
  eligibility: EligibilityCheck;
  form: AmbassadorFormVersion | null;
  application: MyApplication | null;
  isAmbassador: boolean;
  perks: PerkView[];
  training: TrainingModuleView[];
}

export interface PublicAmbassadorProgramme {
  name: string;
  slug: string;
  description: string;
  open: boolean;
  /** Plain-language list of who may apply. */
  requirements: string[];
  form: AmbassadorFormVersion | null;
}

export interface DraftRequest {
  answers: ApplicationAnswers;
}

export interface PublicApplyRequest {
  email: string;
  name: string;
  answers: ApplicationAnswers;
  visitorId?: string;
}

export interface PublicApplyResult {
  received: true;
  message: string;
}

export interface ConfirmApplicationEmailRequest {
  /** The token from the emailed link `/ambassadors/confirm/:token`. */
  token: string;
}

export interface ConfirmApplicationEmailResult {
  programmeName: string;
  programmeSlug: string;
  /** The application's state after confirming (auto-approval may decide it at once). */
  state: ApplicationState;
  /** False when the link had already been used: nothing changed. */
  confirmedNow: boolean;
  message: string;
}

export interface FunnelEventRequest {
  stage: 'visited' | 'started';
  /** Random id the page keeps, so repeat visits count once. */
  visitorId: string;
}

export interface ApplicationListQuery extends PageQuery {
  state?: ApplicationState;
  segment?: string;
  minScore?: number;
  maxScore?: number;
  /** ISO dates, by submission time. */
  from?: string;
  to?: string;
  sort?: 'submitted' | 'score';
}

export interface ApplicationRow {
  id: string;
  programmeId: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  state: ApplicationState;
  score: number;
  channel: 'portal' | 'public';
  /**
   * When the applicant proved the email address: portal applications at submission (signed in),
   * public ones when the emailed link is opened; null while a public application waits for it.
   */
  emailConfirmedAt: string | null;
  segmentSnapshot: SegmentSnapshot;
  currentSegmentKey: string | null;
  currentSegmentName: string | null;
  formVersion: number;
  reasonCode: RejectionReason | null;
  submittedAt: string | null;
  decidedAt: string | null;
  revokedAt: string | null;
}

export interface ReviewerNote {
  id: string;
  authorEmail: string | null;
  body: string;
  at: string;
}

export interface NpsHistoryPoint {
  score: number;
  at: string;
}

/** Everything a reviewer sees beside one application. */
export interface ApplicationDetail extends ApplicationRow {
  answers: ApplicationAnswers;
  fields: FormField[];
  facts: EligibilityFacts;
  currentSegment: SegmentSnapshot;
  referrals: {
    total: number;
    qualified: number;
    pending: number;
    rejected: number;
  };
  npsHistory: NpsHistoryPoint[];
  notes: ReviewerNote[];
  decisionMessage: string | null;
  history: ApplicationTransition[];
}

export interface DecisionRequest {
  decision: Decision;
  reasonCode?: RejectionReason;
  /** Message to the applicant; the programme's template when omitted. */
  message?: string;
}

export interface DecisionResult {
  id: string;
  state: ApplicationState;
  /** True when an approval found the programme full and waitlisted instead. */
  waitlistedForCapacity: boolean;
}

export interface BulkDecisionRequest extends DecisionRequest {
  ids: string[];
}

export interface BulkDecisionResult {
  results: (DecisionResult | { id: string; error: string })[];
}

export interface InviteNextRequest {
  count: number;
}

export interface NoteRequest {
  body: string;
}

export const PERK_KINDS = ['code', 'early_access', 'reward'] as const;
export type PerkKind = (typeof PERK_KINDS)[number];

export interface PerkReward {
  type: 'points' | 'store_credit';
  /** Points, or minor units for store credit. */
  amount: number;
  currency: string | null;
}

export interface PerkRequest {
  kind: PerkKind;
  title: string;
  description: string;
  startsAt?: string | null;
  endsAt?: string | null;
  link?: string | null;
  reward?: PerkReward | null;
}

export interface PerkCodesRequest {
  /** Codes separated by new lines, commas or semicolons (a pasted list or a one-column CSV). */
  codes: string;
}

export interface PerkCodesResult {
  added: number;
  duplicates: number;
  codesLeft: number;
}

export interface TrainingModuleRequest {
  title: string;
  summary: string;
  content: string;
  estimatedMinutes: number;
}

export interface AmbassadorDirectoryRow {
  applicationId: string;
  customerId: string;
  name: string;
  email: string;
  segmentKey: string | null;
  segmentName: string | null;
  ambassadorSince: string;
  trainingDone: number;
  trainingTotal: number;
  perksClaimed: number;
}

export const FUNNEL_STAGES = [
  'visited',
  'started',
  'submitted',
  'approved',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelRow {
  segmentKey: string;
  segmentName: string;
  visited: number;
  started: number;
  submitted: number;
  approved: number;
}

export interface AmbassadorFunnel {
  totals: Record<FunnelStage, number>;
  bySegment: FunnelRow[];
}
