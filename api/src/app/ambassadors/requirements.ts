import { EligibilityRules } from '@advocacy/shared';

/** The rules in plain words, for people who cannot be checked yet (a public visitor). */
export function requirementsOf(
  rules: EligibilityRules,
  segmentNames: Record<string, string>,
): string[] {
  const out: string[] = [];
  if (rules.segments.length > 0)
    out.push(
      `For our ${rules.segments.map((k) => segmentNames[k] ?? k).join(' or ')} customers`,
    );
  if (rules.npsCategories.length > 0)
    out.push(
      `Your latest rating of us makes you a ${rules.npsCategories.join(' or ')}`,
    );
  if (rules.minQualifiedReferrals > 0)
    out.push(
      `At least ${rules.minQualifiedReferrals} successful referral${rules.minQualifiedReferrals === 1 ? '' : 's'}`,
    );
  if (rules.minNps !== null)
    out.push(`A recent recommendation score of ${rules.minNps} or more`);
  if (rules.minCustomerDays > 0)
    out.push(`A customer for at least ${rules.minCustomerDays} days`);
  return out;
}
