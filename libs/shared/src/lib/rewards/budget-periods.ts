import { BudgetPeriod } from '../contracts/rewards';

export interface PeriodWindow {
  /** Inclusive; null for lifetime. */
  start: Date | null;
  /** Exclusive; null for lifetime. */
  end: Date | null;
}

/** The calendar period (UTC) that contains `now`. */
export function periodWindow(period: BudgetPeriod, now: Date): PeriodWindow {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case 'month':
      return {
        start: new Date(Date.UTC(year, month, 1)),
        end: new Date(Date.UTC(year, month + 1, 1)),
      };
    case 'quarter': {
      const first = month - (month % 3);
      return {
        start: new Date(Date.UTC(year, first, 1)),
        end: new Date(Date.UTC(year, first + 3, 1)),
      };
    }
    case 'year':
      return {
        start: new Date(Date.UTC(year, 0, 1)),
        end: new Date(Date.UTC(year + 1, 0, 1)),
      };
    case 'lifetime':
      return { start: null, end: null };
  }
}

export interface LimitUse {
  label: string;
  /** null means this limit does not bound the measure. */
  limit: number | null;
  used: number;
}

/** Which limits one more grant of `adding` would pass; an empty list means it fits. */
export function exceededLimits(
  uses: readonly LimitUse[],
  adding: number,
): string[] {
  return uses
    .filter((use) => use.limit !== null && use.used + adding > use.limit)
    .map((use) => use.label);
}
