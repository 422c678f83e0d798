import { FormBuilder } from '@angular/forms';
import {
  AudienceFilter,
  CreateOutreachSend,
  OutreachTemplateView,
  SegmentNpsCategory,
  reviewGatingProblem,
  usedVariables,
} from '@advocacy/shared';
import { defaultCategories } from './outreach-labels';

export function sendForm(fb: FormBuilder) {
  return fb.nonNullable.group({
    templateId: [''],
    npsCategories: [[] as SegmentNpsCategory[]],
    segmentKeys: [[] as string[]],
    /** A hand-picked list; empty: everyone the filters match. */
    customerIds: [[] as string[]],
    programmeId: [''],
    surveyId: [''],
    when: ['now' as 'now' | 'later'],
    /** `datetime-local` value, in the browser's time zone. */
    scheduledAt: [''],
  });
}

export type SendFormValue = ReturnType<
  ReturnType<typeof sendForm>['getRawValue']
>;

export function audienceOf(value: SendFormValue): AudienceFilter {
  return {
    npsCategories: value.npsCategories,
    segmentKeys: value.segmentKeys,
    customerIds: value.customerIds,
  };
}

/** Which links a template needs chosen before it can go out. */
export function linksNeeded(template: OutreachTemplateView | null): {
  programme: boolean;
  survey: boolean;
} {
  const used = template ? usedVariables(template.subject, template.body) : [];
  return {
    programme: used.includes('referralLink'),
    survey: used.includes('surveyLink'),
  };
}

/** The explanation to show when a public review request would leave out part of the customers. */
export function gatingProblem(
  template: OutreachTemplateView | null,
  value: SendFormValue,
): string | null {
  return template
    ? reviewGatingProblem(template.purpose, audienceOf(value))
    : null;
}

/** Starting audience for a template: its own segment, or everyone for a review request. */
export function audienceFor(
  template: OutreachTemplateView,
): Pick<SendFormValue, 'npsCategories' | 'segmentKeys' | 'customerIds'> {
  return {
    npsCategories: defaultCategories(template.audience),
    segmentKeys: [],
    customerIds: [],
  };
}

export function toSendRequest(
  value: SendFormValue,
  template: OutreachTemplateView | null,
): CreateOutreachSend {
  const links = linksNeeded(template);
  return {
    templateId: value.templateId,
    audience: audienceOf(value),
    programmeId:
      links.programme && value.programmeId ? value.programmeId : undefined,
    surveyId: links.survey && value.surveyId ? value.surveyId : undefined,
    scheduledAt:
      value.when === 'later' && value.scheduledAt
        ? new Date(value.scheduledAt).toISOString()
        : undefined,
  };
}
