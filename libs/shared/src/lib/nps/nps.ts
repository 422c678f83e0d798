export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsInterval {
  low: number;
  high: number;
  margin: number;
}

/** Shares are percentages (0–100), on the same scale as `nps`. */
export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
  nps: number | null;
  ci: NpsInterval | null;
  lowConfidence: boolean;
}

/** `difference` and `se` are in NPS points; all null when either sample is empty. */
export interface NpsDifference {
  difference: number | null;
  se: number | null;
  z: number | null;
  pValue: number | null;
  significant: boolean;
}

export type CsatDistribution = [number, number, number, number, number];

export interface CsatSummary {
  n: number;
  satisfied: number;
  csat: number | null;
  distribution: CsatDistribution;
}

export const LOW_CONFIDENCE_N = 100;
export const CSAT_GOOD_THRESHOLD = 80;

const Z_95 = 1.96;
const SIGNIFICANCE_LEVEL = 0.05;
// Adjusted-Wald pseudo-counts for a trinomial difference (Rocks, 2016).
const ADJUST_N = 3;
const ADJUST_CATEGORY = 0.75;

export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`NPS score must be an integer 0–10, got ${score}`);
  }
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export function countCategories(scores: Iterable<number>): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = npsCategory(score);
    if (category === 'promoter') counts.promoters++;
    else if (category === 'passive') counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `${name} must be a non-negative integer, got ${value}`,
    );
  }
}

function totalOf(counts: NpsCounts): number {
  assertCount(counts.promoters, 'promoters');
  assertCount(counts.passives, 'passives');
  assertCount(counts.detractors, 'detractors');
  return counts.promoters + counts.passives + counts.detractors;
}

interface AdjustedWald {
  centre: number;
  variance: number;
}

// Proportion scale (−1..1): the plain Wald interval collapses to zero width
// at 0% or 100% promoters, so pseudo-counts keep small samples honest.
function adjustedWald(counts: NpsCounts, n: number): AdjustedWald {
  const nAdj = n + ADJUST_N;
  const p = (counts.promoters + ADJUST_CATEGORY) / nAdj;
  const d = (counts.detractors + ADJUST_CATEGORY) / nAdj;
  return { centre: p - d, variance: (p + d - (p - d) ** 2) / nAdj };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function npsSummary(counts: NpsCounts): NpsSummary {
  const n = totalOf(counts);
  const base = {
    n,
    promoters: counts.promoters,
    passives: counts.passives,
    detractors: counts.detractors,
    lowConfidence: n < LOW_CONFIDENCE_N,
  };
  if (n === 0) {
    return {
      ...base,
      promoterShare: 0,
      passiveShare: 0,
      detractorShare: 0,
      nps: null,
      ci: null,
    };
  }
  const { centre, variance } = adjustedWald(counts, n);
  const margin = Z_95 * 100 * Math.sqrt(variance);
  return {
    ...base,
    promoterShare: (100 * counts.promoters) / n,
    passiveShare: (100 * counts.passives) / n,
    detractorShare: (100 * counts.detractors) / n,
    nps: (100 * (counts.promoters - counts.detractors)) / n,
    ci: {
      low: clamp(100 * centre - margin, -100, 100),
      high: clamp(100 * centre + margin, -100, 100),
      margin,
    },
  };
}

// Numerical Recipes `erfcc` Chebyshev fit: relative error < 1.2e-7 everywhere,
// including the far tail, so small p-values stay accurate (A–S 7.1.26 does not).
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t *
                              (1.48851587 +
                                t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}

export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export function npsDifference(a: NpsCounts, b: NpsCounts): NpsDifference {
  const nA = totalOf(a);
  const nB = totalOf(b);
  if (nA === 0 || nB === 0) {
    return {
      difference: null,
      se: null,
      z: null,
      pValue: null,
      significant: false,
    };
  }
  const difference =
    (100 * (a.promoters - a.detractors)) / nA -
    (100 * (b.promoters - b.detractors)) / nB;
  // Adjusted-Wald variances are always > 0, so `z` can never divide by zero.
  const se =
    100 *
    Math.sqrt(adjustedWald(a, nA).variance + adjustedWald(b, nB).variance);
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return {
    difference,
    se,
    z,
    pValue,
    significant: pValue < SIGNIFICANCE_LEVEL,
  };
}

export function csatSummaryFromDistribution(
  distribution: readonly number[],
): CsatSummary {
  if (distribution.length !== 5) {
    throw new RangeError(
      `CSAT distribution needs 5 counts (scores 1–5), got ${distribution.length}`,
    );
  }
  distribution.forEach((count, i) =>
    assertCount(count, `count of score ${i + 1}`),
  );
  const copy: CsatDistribution = [
    distribution[0],
    distribution[1],
    distribution[2],
    distribution[3],
    distribution[4],
  ];
  const n = copy.reduce((sum, count) => sum + count, 0);
  const satisfied = copy[3] + copy[4];
  return {
    n,
    satisfied,
    csat: n === 0 ? null : (100 * satisfied) / n,
    distribution: copy,
  };
}

export function csatSummary(scores: Iterable<number>): CsatSummary {
  const distribution: CsatDistribution = [0, 0, 0, 0, 0];
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new RangeError(`CSAT score must be an integer 1–5, got ${score}`);
    }
    distribution[score - 1]++;
  }
  return csatSummaryFromDistribution(distribution);
}
