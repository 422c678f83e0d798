import {
  AmbassadorFormVersion as FormVersionView,
  AmbassadorProgrammeSummary,
  ApplicationTransition,
  PerkView,
  TrainingModuleView,
} from '@advocacy/shared';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorPerk } from './entities/ambassador-perk.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';
import { AmbassadorTrainingModule } from './entities/ambassador-training-module.entity';

export interface ProgrammeCounts {
  submitted: number;
  inReview: number;
  approved: number;
  waitlisted: number;
}

export const NO_COUNTS: ProgrammeCounts = {
  submitted: 0,
  inReview: 0,
  approved: 0,
  waitlisted: 0,
};

export function toFormView(v: AmbassadorFormVersion): FormVersionView {
  return {
    id: v.id,
    version: v.version,
    fields: v.fields,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toProgrammeSummary(
  p: AmbassadorProgramme,
  form: AmbassadorFormVersion | null,
  counts: ProgrammeCounts,
): AmbassadorProgrammeSummary {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    status: p.status,
    capacity: p.capacity,
    waitlistOrder: p.waitlistOrder,
    eligibility: p.eligibility,
    autoApprove: p.autoApprove,
    reapplyCooldownDays: p.reapplyCooldownDays,
    decisionTemplates: p.decisionTemplates,
    form: form ? toFormView(form) : null,
    counts,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toTransition(
  e: AmbassadorApplicationEvent,
): ApplicationTransition {
  return {
    fromState: e.fromState,
    toState: e.toState ?? 'draft',
    reason: e.body,
    at: e.at.toISOString(),
  };
}

export function toPerkView(p: AmbassadorPerk): PerkView {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    description: p.description,
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    link: p.link,
    reward: p.reward,
  };
}

export function toModuleView(m: AmbassadorTrainingModule): TrainingModuleView {
  return {
    id: m.id,
    title: m.title,
    summary: m.summary,
    content: m.content,
    position: m.position,
    estimatedMinutes: m.estimatedMinutes,
  };
}
