import {
  AudienceFilter,
  OutreachPurpose,
  TemplateAudience,
} from '../outreach/outreach-rules';
import { SegmentNpsCategory } from '../segments';

export const OUTREACH_PATHS = {
  templates: 'outreach/templates',
  template: 'outreach/templates/:id',
  restoreTemplate: 'outreach/templates/:id/restore',
  preview: 'outreach/preview',
  audienceCount: 'outreach/audience-count',
  sends: 'outreach/sends',
  send: 'outreach/sends/:id',
  cancelSend: 'outreach/sends/:id/cancel',
  sendMessages: 'outreach/sends/:id/messages',
  unsubscribe: 'outreach/unsubscribe/:token',
} as const;

/** The click-tracking link in each message, outside the API prefix; it redirects to the share link. */
export const OUTREACH_TRACKING_BASE = 'o';

export interface OutreachTemplateInput {
  name: string;
  purpose: OutreachPurpose;
  audience: TemplateAudience;
  subject: string;
  body: string;
}

export interface OutreachTemplateView extends OutreachTemplateInput {
  id: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OutreachPreviewRequest {
  subject: string;
  body: string;
  customerId?: string;
  programmeId?: string;
  surveyId?: string;
}

export interface OutreachPreview {
  subject: string;
  text: string;
  html: string;
  /** Why the preview uses a stand-in value (e.g. the customer has no referral code yet). */
  notes: string[];
}

export interface AudienceCount {
  /** Everyone the filter matches. */
  matched: number;
  /** Of those, who would be skipped now and why (consent, throttle, address). */
  skipped: Record<string, number>;
}

export const OUTREACH_SEND_STATUSES = [
  'scheduled',
  'running',
  'completed',
  'cancelled',
] as const;
export type OutreachSendStatus = (typeof OUTREACH_SEND_STATUSES)[number];

export const OUTREACH_MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped',
] as const;
export type OutreachMessageStatus = (typeof OUTREACH_MESSAGE_STATUSES)[number];

/** Machine reasons a message is skipped; the portal shows the label. */
export const OUTREACH_SKIP_REASONS = {
  no_consent: 'No email consent',
  no_marketing_consent: 'No marketing consent (or unsubscribed)',
  invalid_address: 'Invalid email address',
  throttled: 'Message limit reached for the period',
  not_eligible: 'Not eligible for the referral programme',
  cancelled: 'The send was cancelled first',
  survey_unavailable: 'The survey was closed before sending',
} as const;
export type OutreachSkipReason = keyof typeof OUTREACH_SKIP_REASONS;

export interface CreateOutreachSend {
  templateId: string;
  audience: AudienceFilter;
  /** Needed when the template uses {{referralLink}}. */
  programmeId?: string;
  /** Needed when the template uses {{surveyLink}}. */
  surveyId?: string;
  /** ISO date-time in the future; omit to send now. */
  scheduledAt?: string;
}

export interface OutreachCounts {
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface OutreachSendView {
  id: string;
  templateId: string;
  templateName: string;
  purpose: OutreachPurpose;
  subject: string;
  audience: AudienceFilter;
  programmeId: string | null;
  surveyId: string | null;
  status: OutreachSendStatus;
  scheduledAt: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  counts: OutreachCounts;
  /** Messages whose tracked link was opened at least once. */
  clickedMessages: number;
}

export interface OutreachSendReport extends OutreachSendView {
  skippedByReason: Record<string, number>;
  failedByReason: Record<string, number>;
  totalClicks: number;
  /** Referrals the recipients made in the chosen programme within 30 days of their message. */
  referralsAfter: number;
  /** Sent messages and clicks by the recipient's NPS category when the send started. */
  byCategory: {
    npsCategory: SegmentNpsCategory;
    sent: number;
    clicked: number;
  }[];
  /** Clicks per day since the send started. */
  clicksByDay: { day: string; clicks: number }[];
}

export interface OutreachMessageView {
  id: string;
  customerId: string;
  customerName: string;
  email: string;
  npsCategory: SegmentNpsCategory;
  status: OutreachMessageStatus;
  reason: string | null;
  sentAt: string | null;
  clicks: number;
}

export interface OutreachMessagesQuery {
  page?: number;
  pageSize?: number;
  status?: OutreachMessageStatus;
}

export interface UnsubscribeView {
  /** Masked address, e.g. `a***@example.com`, so the page confirms who without revealing it. */
  email: string;
  unsubscribed: boolean;
}
