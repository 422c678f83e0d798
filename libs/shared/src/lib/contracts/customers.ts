import { NpsCategory } from '../nps';
import { SegmentNpsCategory } from '../segments';
import { PageQuery } from './pagination';

export const CUSTOMER_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'purchaseValue',
  '-purchaseValue',
  'lastScore',
  '-lastScore',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** Filters of `GET customers`; `q` matches name, email or external id, `segment` the current segment key. */
export interface CustomerQuery extends PageQuery {
  q?: string;
  segment?: string;
  sort?: CustomerSort;
}

export interface CustomerSummary {
  id: string;
  externalId: string | null;
  email: string;
  name: string;
  purchaseCount: number;
  purchaseValue: number;
  segmentKey: string | null;
  npsCategory: SegmentNpsCategory | null;
  lastScore: number | null;
  createdAt: string;
}

export interface CustomerResponseItem {
  id: string;
  surveyId: string;
  surveyName: string;
  kind: 'nps' | 'csat';
  score: number;
  category: NpsCategory | null;
  comment: string | null;
  channel: string;
  respondedAt: string;
}

export interface CustomerSegmentMove {
  fromSegmentKey: string | null;
  toSegmentKey: string;
  fromNpsCategory: SegmentNpsCategory | null;
  toNpsCategory: SegmentNpsCategory;
  changedAt: string;
}

export interface CustomerDetail extends CustomerSummary {
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  consentEmail: boolean;
  consentMarketing: boolean;
  lastAdvocacyAt: string | null;
  ambassadorSince: string | null;
  updatedAt: string;
  /** Newest first, at most the latest 100. */
  responses: CustomerResponseItem[];
  /** Newest first, at most the latest 100. */
  segmentHistory: CustomerSegmentMove[];
}

export interface CreateCustomerRequest {
  email: string;
  name: string;
  externalId?: string | null;
  purchaseCount?: number;
  purchaseValue?: number;
  firstPurchaseAt?: string | null;
  lastPurchaseAt?: string | null;
  consentEmail?: boolean;
  consentMarketing?: boolean;
}

/** Body of `PATCH customers/:id`; only the fields present change. */
export type UpdateCustomerRequest = Partial<CreateCustomerRequest>;
