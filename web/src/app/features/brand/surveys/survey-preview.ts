import { SurveyKindName } from '@advocacy/shared';
import { followUpLabel } from '../../survey/survey-answer';

export interface FollowUpWording {
  followUpPromoter: string;
  followUpPassive: string;
  followUpDetractor: string;
}

export interface PreviewLine {
  who: string;
  scores: string;
  text: string;
}

/** What each kind of respondent is asked after choosing a score, as the form currently reads. */
export function previewLines(
  kind: SurveyKindName,
  wording: FollowUpWording,
): PreviewLine[] {
  const form = {
    kind,
    followUpPromoter: wording.followUpPromoter,
    followUpPassive: wording.followUpPassive,
    followUpDetractor: wording.followUpDetractor,
  };
  if (kind === 'csat')
    return [{ who: 'Everyone', scores: '1–5', text: followUpLabel(form, 3) }];
  return [
    { who: 'Promoters', scores: '9–10', text: followUpLabel(form, 9) },
    { who: 'Passives', scores: '7–8', text: followUpLabel(form, 7) },
    { who: 'Detractors', scores: '0–6', text: followUpLabel(form, 0) },
  ];
}
