import { SurveyForm, SurveySummary } from '@advocacy/shared';
import { Survey } from './entities/survey.entity';

export function toSurveySummary(
  survey: Survey,
  responseCount = 0,
): SurveySummary {
  return {
    id: survey.id,
    kind: survey.kind,
    name: survey.name,
    question: survey.question,
    followUpPromoter: survey.followUpPromoter,
    followUpPassive: survey.followUpPassive,
    followUpDetractor: survey.followUpDetractor,
    wave: survey.wave,
    throttleDays: survey.throttleDays,
    active: survey.active,
    createdAt: survey.createdAt.toISOString(),
    responseCount,
  };
}

export function toSurveyForm(survey: Survey, wave = survey.wave): SurveyForm {
  return {
    surveyId: survey.id,
    kind: survey.kind,
    name: survey.name,
    question: survey.question,
    wave,
    followUpPromoter: survey.followUpPromoter,
    followUpPassive: survey.followUpPassive,
    followUpDetractor: survey.followUpDetractor,
  };
}
