import { NpsCategory } from '../nps';
import { PageQuery } from './pagination';

export const SURVEY_KINDS = ['nps', 'csat'] as const;
export type SurveyKindName = (typeof SURVEY_KINDS)[number];
export const RESPONSE_CHANNELS = ['portal', 'link', 'api', 'import'] as const;
export type ResponseChannelName = (typeof RESPONSE_CHANNELS)[number];

export const DEFAULT_THROTTLE_DAYS = 90;
export const COMMENT_MAX_LENGTH = 2000;

export interface SurveySummary {
  id: string;
  kind: SurveyKindName;
  name: string;
  question: string;
  followUpPromoter: string | null;
  followUpPassive: string | null;
  followUpDetractor: string | null;
  wave: number;
  throttleDays: number;
  active: boolean;
  createdAt: string;
  responseCount: number;
}

export interface SurveyQuery extends PageQuery {
  kind?: SurveyKindName;
  active?: boolean;
}

export interface CreateSurveyRequest {
  kind: SurveyKindName;
  name: string;
  question: string;
  followUpPromoter?: string | null;
  followUpPassive?: string | null;
  followUpDetractor?: string | null;
  throttleDays?: number;
  active?: boolean;
}

/** The kind of a survey never changes once created. */
export type UpdateSurveyRequest = Partial<Omit<CreateSurveyRequest, 'kind'>>;

/** What a respondent sees: the question and the follow-up for each category. */
export interface SurveyForm {
  surveyId: string;
  kind: SurveyKindName;
  name: string;
  question: string;
  wave: number;
  followUpPromoter: string | null;
  followUpPassive: string | null;
  followUpDetractor: string | null;
}

/** `GET survey-links/:token`: the form, or why it cannot be answered. */
export interface SurveyLinkView {
  form: SurveyForm;
  firstName: string;
  expiresAt: string;
  answered: boolean;
}

/** `GET surveys/offer` for the signed-in advocate: a form, or null when throttled or none is active. */
export interface SurveyOffer {
  form: SurveyForm | null;
  /** When a throttled advocate may be asked again. */
  nextAskAt: string | null;
}

export interface SubmitAnswerRequest {
  score: number;
  comment?: string | null;
}

/** An advocate's answer in the portal names the survey it answers. */
export interface PortalAnswerRequest extends SubmitAnswerRequest {
  surveyId: string;
}

export interface AnswerAccepted {
  id: string;
  score: number;
  category: NpsCategory | null;
  respondedAt: string;
}

export interface CreateSurveyLinkRequest {
  customerId: string;
  /** Days until the link stops working; default 30. */
  expiresInDays?: number;
}

export interface SurveyLinkCreated {
  url: string;
  token: string;
  wave: number;
  expiresAt: string;
}

/** A brand system posting a historical or live response with an API key; `externalId` makes it idempotent. */
export interface IntakeResponseRequest {
  externalId: string;
  surveyId: string;
  customerExternalId?: string;
  customerEmail?: string;
  score: number;
  comment?: string | null;
  respondedAt: string;
}

export interface IntakeResponseResult extends AnswerAccepted {
  externalId: string;
  /** False when this externalId was already stored: the stored response is returned unchanged. */
  created: boolean;
}

/** The follow-up a respondent sees after choosing a score; CSAT uses one wording for all. */
export function followUpFor(
  form: Pick<
    SurveyForm,
    'kind' | 'followUpPromoter' | 'followUpPassive' | 'followUpDetractor'
  >,
  score: number,
): string | null {
  if (form.kind === 'csat') return form.followUpPassive;
  if (score >= 9) return form.followUpPromoter;
  if (score >= 7) return form.followUpPassive;
  return form.followUpDetractor;
}

export function scoreRange(kind: SurveyKindName): { min: number; max: number } {
  return kind === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 };
}
