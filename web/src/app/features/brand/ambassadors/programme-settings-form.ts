import { FormBuilder } from '@angular/forms';
import {
  AmbassadorProgrammeRequest,
  AmbassadorProgrammeStatus,
  AmbassadorProgrammeSummary,
  DEFAULT_DECISION_TEMPLATES,
  WaitlistOrder,
} from '@advocacy/shared';

type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function settingsForm(
  fb: FormBuilder,
  p: AmbassadorProgrammeSummary | null,
) {
  const nn = fb.nonNullable;
  return nn.group({
    name: nn.control(p?.name ?? ''),
    slug: nn.control(p?.slug ?? ''),
    description: nn.control(p?.description ?? ''),
    status: nn.control<AmbassadorProgrammeStatus>(p?.status ?? 'draft'),
    /** Empty = no limit. */
    capacity: fb.control<number | null>(p?.capacity ?? null),
    waitlistOrder: nn.control<WaitlistOrder>(p?.waitlistOrder ?? 'first_come'),
    eligibility: nn.group({
      segments: nn.control<string[]>(p?.eligibility.segments ?? []),
      npsCategories: nn.control<NpsCategory[]>(
        p?.eligibility.npsCategories ?? ['promoter'],
      ),
      minQualifiedReferrals: nn.control(
        p?.eligibility.minQualifiedReferrals ?? 0,
      ),
      minNps: fb.control<number | null>(p?.eligibility.minNps ?? null),
      minCustomerDays: nn.control(p?.eligibility.minCustomerDays ?? 0),
    }),
    autoApprove: nn.group({
      enabled: nn.control(p?.autoApprove.enabled ?? false),
      minScore: nn.control(p?.autoApprove.minScore ?? 120),
    }),
    neverReapply: nn.control(p ? p.reapplyCooldownDays === null : false),
    reapplyCooldownDays: nn.control(p?.reapplyCooldownDays ?? 90),
    decisionTemplates: nn.group({
      approved: nn.control(
        p?.decisionTemplates.approved ?? DEFAULT_DECISION_TEMPLATES.approved,
      ),
      rejected: nn.control(
        p?.decisionTemplates.rejected ?? DEFAULT_DECISION_TEMPLATES.rejected,
      ),
      waitlisted: nn.control(
        p?.decisionTemplates.waitlisted ??
          DEFAULT_DECISION_TEMPLATES.waitlisted,
      ),
    }),
  });
}

export type SettingsValue = ReturnType<
  ReturnType<typeof settingsForm>['getRawValue']
>;

/** Blank number inputs arrive as null (or '' from some browsers); both mean "no rule". */
function optionalNumber(value: number | string | null): number | null {
  return value === null || value === '' ? null : Number(value);
}

export function toSettingsRequest(
  v: SettingsValue,
): AmbassadorProgrammeRequest {
  return {
    name: v.name.trim(),
    slug: v.slug.trim(),
    description: v.description.trim(),
    status: v.status,
    capacity: optionalNumber(v.capacity),
    waitlistOrder: v.waitlistOrder,
    eligibility: {
      segments: v.eligibility.segments,
      npsCategories: v.eligibility.npsCategories,
      minQualifiedReferrals: Number(v.eligibility.minQualifiedReferrals) || 0,
      minNps: optionalNumber(v.eligibility.minNps),
      minCustomerDays: Number(v.eligibility.minCustomerDays) || 0,
    },
    autoApprove: {
      enabled: v.autoApprove.enabled,
      minScore: Number(v.autoApprove.minScore) || 0,
    },
    reapplyCooldownDays: v.neverReapply
      ? null
      : Number(v.reapplyCooldownDays) || 0,
    decisionTemplates: { ...v.decisionTemplates },
  };
}
