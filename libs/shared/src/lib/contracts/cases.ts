import { CustomerResponseItem } from './customers';

export const CASE_STATES = [
  'open',
  'contacted',
  'resolved',
  'closed_without_fix',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  open: 'Open',
  contacted: 'Contacted',
  resolved: 'Resolved',
  closed_without_fix: 'Closed without fix',
};

/** The only state changes allowed; a closed case can be reopened if the customer comes back. */
export const CASE_TRANSITIONS: Readonly<
  Record<CaseState, readonly CaseState[]>
> = {
  open: ['contacted', 'resolved', 'closed_without_fix'],
  contacted: ['resolved', 'closed_without_fix'],
  resolved: ['open'],
  closed_without_fix: ['open'],
};

export const ACTIVE_CASE_STATES: readonly CaseState[] = ['open', 'contacted'];

export function canMoveCase(from: CaseState, to: CaseState): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Why a case was opened: a detractor score, or a fall of 3 or more points since the last answer. */
export const CASE_REASONS = ['detractor', 'drop'] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

/** A fall of this many points or more opens a case even for a passive or promoter. */
export const CASE_DROP_POINTS = 3;

export interface CaseSummary {
  id: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  responseId: string;
  reason: CaseReason;
  score: number;
  previousScore: number | null;
  comment: string | null;
  ownerId: string | null;
  ownerName: string | null;
  state: CaseState;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  contactedAt: string | null;
  closedAt: string | null;
}

export interface CaseNote {
  id: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface CaseTransition {
  fromState: CaseState | null;
  toState: CaseState;
  actorName: string | null;
  reason: string | null;
  at: string;
}

export interface CaseHistoryResponse extends CustomerResponseItem {
  /** This is the response that opened the case. */
  opening: boolean;
}

export interface CaseDetail extends CaseSummary {
  notes: CaseNote[];
  transitions: CaseTransition[];
  /** The customer's responses, newest first. */
  responses: CaseHistoryResponse[];
}

export interface CaseListQuery {
  state?: CaseState;
  /** A user id, `me`, or `none` for unassigned cases. */
  owner?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface MoveCaseRequest {
  state: CaseState;
  /** Required when closing without a fix; kept in the history. */
  reason?: string;
}

export interface AssignCaseRequest {
  /** A manager or admin; null leaves the case unassigned. */
  ownerId: string | null;
}

export interface AddCaseNoteRequest {
  body: string;
}

export interface CaseOwnerOption {
  id: string;
  name: string;
  email: string;
}

export interface CaseStats {
  from: string;
  to: string;
  opened: number;
  detractorCases: number;
  dropCases: number;
  /** Cases that reached contacted (or went straight to resolved). */
  contacted: number;
  resolved: number;
  closedWithoutFix: number;
  /** Still open or contacted and past their due time (now, whatever the period). */
  overdueNow: number;
  /** Contacted customers who later answered with a higher score. */
  scoredHigherLater: number;
  /** Contacted customers who answered again at all. */
  answeredLater: number;
  medianHoursToContact: number | null;
}

export interface CaseStatsQuery {
  from?: string;
  to?: string;
}

export const CASE_PATHS = {
  list: 'cases',
  byId: 'cases/:id',
  move: 'cases/:id/state',
  assign: 'cases/:id/owner',
  assignToMe: 'cases/:id/assign-to-me',
  notes: 'cases/:id/notes',
  owners: 'cases/owners',
  stats: 'cases/stats',
} as const;
