import {
  SurveyForm,
  SurveyKindName,
  followUpFor,
  npsCategory,
  scoreRange,
} from '@advocacy/shared';

export type ScoreTone = 'promoter' | 'passive' | 'detractor';

export interface ScoreOption {
  value: number;
  tone: ScoreTone;
}

/** Every score a respondent may pick, with the colour of its category. */
export function scoreOptions(kind: SurveyKindName): ScoreOption[] {
  const { min, max } = scoreRange(kind);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i).map(
    (value) => ({
      value,
      tone: toneOf(kind, value),
    }),
  );
}

export function toneOf(kind: SurveyKindName, score: number): ScoreTone {
  if (kind === 'nps') return npsCategory(score);
  if (score >= 4) return 'promoter';
  return score === 3 ? 'passive' : 'detractor';
}

/** The ends of the scale, so a respondent knows which way is good. */
export function scaleLabels(kind: SurveyKindName): {
  low: string;
  high: string;
} {
  return kind === 'nps'
    ? { low: 'Not at all likely', high: 'Extremely likely' }
    : { low: 'Very dissatisfied', high: 'Very satisfied' };
}

export const DEFAULT_FOLLOW_UP = 'Anything you would like to tell us?';

/** The follow-up question for a chosen score; a survey without one still invites a comment. */
export function followUpLabel(
  form: Pick<
    SurveyForm,
    'kind' | 'followUpPromoter' | 'followUpPassive' | 'followUpDetractor'
  >,
  score: number,
): string {
  return followUpFor(form, score)?.trim() || DEFAULT_FOLLOW_UP;
}
