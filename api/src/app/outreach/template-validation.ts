import {
  OutreachPurpose,
  PURPOSE_AUDIENCES,
  TemplateAudience,
  templateProblems,
} from '@advocacy/shared';
import { DomainError, unprocessable } from '../common/errors';

/** Refuses unknown variables (naming each with its position) and a purpose sent to the wrong segment. */
/** Refuses unknown or malformed variables, naming each with its line and column. */
export function assertKnownVariables(input: {
  subject: string;
  body: string;
}): void {
  const errors: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const problems = templateProblems(input[field]);
    if (problems.length > 0)
      errors[field] = problems.map((p) => p.message).join(' ');
  }
  const first = Object.values(errors)[0];
  if (first) throw unprocessable(first.split('; ')[0], errors);
}

/** Refuses unknown variables and a purpose written for the wrong segment. */
export function assertValidTemplate(input: {
  purpose: OutreachPurpose;
  audience: TemplateAudience;
  subject: string;
  body: string;
}): void {
  assertKnownVariables(input);
  const allowed = PURPOSE_AUDIENCES[input.purpose];
  if (!allowed.includes(input.audience)) {
    if (input.purpose === 'public_review_request')
      throw reviewGating({
        audience:
          'a public review request is written for every segment alike (choose "all")',
      });
    throw unprocessable('This purpose is meant for another segment', {
      audience: `must be ${allowed.join(' or ')} for this purpose`,
    });
  }
}

export function reviewGating(errors: Record<string, string>): DomainError {
  return new DomainError(
    'REVIEW_GATING',
    'Review gating is not allowed: a public review request must go to every segment alike',
    errors,
  );
}
