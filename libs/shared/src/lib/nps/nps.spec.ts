import {
  CSAT_GOOD_THRESHOLD,
  LOW_CONFIDENCE_N,
  NpsCounts,
  countCategories,
  csatSummary,
  csatSummaryFromDistribution,
  normalCdf,
  npsCategory,
  npsDifference,
  npsSummary,
} from './nps';

const counts = (
  promoters: number,
  passives: number,
  detractors: number,
): NpsCounts => ({
  promoters,
  passives,
  detractors,
});

// Seeded so the coverage tests are reproducible, not flaky.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('npsCategory', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('classifies %d as %s', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it.each([11, -1, 7.5, NaN, Infinity, -Infinity])(
    'rejects %p with a RangeError',
    (score) => {
      expect(() => npsCategory(score)).toThrow(RangeError);
    },
  );
});

describe('countCategories', () => {
  it('counts every category from any iterable', () => {
    expect(countCategories([0, 6, 7, 8, 9, 10, 10])).toEqual(counts(3, 2, 2));
    expect(countCategories(new Set([9, 3]))).toEqual(counts(1, 0, 1));
    expect(countCategories([])).toEqual(counts(0, 0, 0));
  });

  it('throws on the first invalid score', () => {
    expect(() => countCategories([9, 11])).toThrow(RangeError);
  });
});

describe('npsSummary', () => {
  it('computes the worked example 70/10/20 → NPS 50', () => {
    const s = npsSummary(counts(70, 10, 20));
    expect(s.n).toBe(100);
    expect(s.nps).toBe(50);
    expect(s.promoterShare).toBe(70);
    expect(s.passiveShare).toBe(10);
    expect(s.detractorShare).toBe(20);
    expect(s.lowConfidence).toBe(false);
  });

  it('matches a hand computation of the adjusted-Wald interval for 70/10/20', () => {
    // ñ = 103, p̃ = 70.75/103 = 0.686893, d̃ = 20.75/103 = 0.201456
    // centre = 100 × (0.686893 − 0.201456) = 48.5437
    // var = (0.888350 − 0.485437²) / 103 = 0.652701 / 103 = 0.00633690
    // margin = 1.96 × 100 × √0.00633690 = 15.6025 → [32.9412, 64.1462]
    const ci = npsSummary(counts(70, 10, 20)).ci;
    expect(ci?.margin).toBeCloseTo(15.6025, 3);
    expect(ci?.low).toBeCloseTo(32.9412, 3);
    expect(ci?.high).toBeCloseTo(64.1462, 3);
  });

  it('gives 100 for all promoters with the upper bound clamped at 100', () => {
    // ñ = 53, p̃ = 50.75/53 = 0.957547, d̃ = 0.75/53 = 0.014151
    // centre = 94.3396, margin = 1.96 × 100 × √(0.0015415) = 7.6954
    // → [86.6442, 102.0351], upper clamped to 100
    const s = npsSummary(counts(50, 0, 0));
    expect(s.nps).toBe(100);
    expect(s.ci?.high).toBe(100);
    expect(s.ci?.low).toBeCloseTo(86.6442, 3);
    expect(s.ci?.margin).toBeCloseTo(7.6954, 3);
    expect(s.lowConfidence).toBe(true);
  });

  it('gives −100 for all detractors with the lower bound clamped at −100', () => {
    const s = npsSummary(counts(0, 0, 50));
    expect(s.nps).toBe(-100);
    expect(s.ci?.low).toBe(-100);
    expect(s.ci?.high).toBeCloseTo(-86.6442, 3);
  });

  it('gives a wide but finite interval for a single respondent', () => {
    // ñ = 4, p̃ = 0.4375, d̃ = 0.1875, centre = 25
    // var = (0.625 − 0.0625) / 4 = 0.140625, margin = 1.96 × 100 × 0.375 = 73.5
    const s = npsSummary(counts(1, 0, 0));
    expect(s.nps).toBe(100);
    expect(s.ci?.margin).toBeCloseTo(73.5, 10);
    expect(s.ci?.low).toBeCloseTo(-48.5, 10);
    expect(s.ci?.high).toBeCloseTo(98.5, 10);
  });

  it('returns nulls and zero shares, never NaN, for n = 0', () => {
    const s = npsSummary(counts(0, 0, 0));
    expect(s).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      promoterShare: 0,
      passiveShare: 0,
      detractorShare: 0,
      nps: null,
      ci: null,
      lowConfidence: true,
    });
  });

  it('flags low confidence strictly below LOW_CONFIDENCE_N', () => {
    expect(LOW_CONFIDENCE_N).toBe(100);
    expect(npsSummary(counts(50, 0, 49)).lowConfidence).toBe(true);
    expect(npsSummary(counts(50, 0, 50)).lowConfidence).toBe(false);
  });

  it('keeps the interval inside [−100, 100] and around the estimate for mixed samples', () => {
    const s = npsSummary(counts(3, 1, 2));
    expect(s.ci?.low).toBeGreaterThanOrEqual(-100);
    expect(s.ci?.high).toBeLessThanOrEqual(100);
    expect(s.ci?.low).toBeLessThan(s.nps ?? NaN);
    expect(s.ci?.high).toBeGreaterThan(s.nps ?? NaN);
  });

  it.each([
    counts(-1, 0, 0),
    counts(1.5, 0, 0),
    counts(0, NaN, 0),
    counts(0, 0, Infinity),
  ])('rejects invalid counts %p', (c) => {
    expect(() => npsSummary(c)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [1, 0.8413447460685429],
    [-3, 0.0013498980316301],
    [-6, 9.865876450376946e-10],
  ])('Φ(%d) ≈ %d', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThanOrEqual(
      2e-7 * expected,
    );
  });
});

describe('npsDifference', () => {
  it('flags clearly different samples as significant (hand-checked)', () => {
    // a = 60/20/20 (NPS 40): var = (0.791262 − 0.388350²) / 103 = 0.00621793
    // b = 40/20/40 (NPS 0):  var = (0.791262 − 0) / 103 = 0.00768216
    // se = 100 × √0.01390009 = 11.7899, z = 40 / 11.7899 = 3.3927, p = 0.000692
    const r = npsDifference(counts(60, 20, 20), counts(40, 20, 40));
    expect(r.difference).toBeCloseTo(40, 10);
    expect(r.se).toBeCloseTo(11.7899, 3);
    expect(r.z).toBeCloseTo(3.3927, 3);
    expect(r.pValue).toBeCloseTo(0.000692, 5);
    expect(r.significant).toBe(true);
  });

  it('does not flag identical samples', () => {
    const r = npsDifference(counts(45, 30, 25), counts(45, 30, 25));
    expect(r.difference).toBe(0);
    expect(r.z).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 6);
    expect(r.significant).toBe(false);
  });

  it('does not flag a small difference on small samples', () => {
    const r = npsDifference(counts(12, 5, 3), counts(10, 6, 4));
    expect(r.difference).toBeCloseTo(15, 10);
    expect(r.significant).toBe(false);
  });

  it('is antisymmetric in sign and symmetric in p-value', () => {
    const a = counts(80, 10, 10);
    const b = counts(50, 20, 30);
    const ab = npsDifference(a, b);
    const ba = npsDifference(b, a);
    expect(ab.difference).toBeCloseTo(50, 10);
    expect(ba.difference).toBeCloseTo(-50, 10);
    expect(ba.z).toBeCloseTo(-(ab.z ?? NaN), 12);
    expect(ba.se).toBeCloseTo(ab.se ?? NaN, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue ?? NaN, 12);
    expect(ab.significant).toBe(ba.significant);
  });

  it('returns nulls, not NaN, when either sample is empty', () => {
    const empty = {
      difference: null,
      se: null,
      z: null,
      pValue: null,
      significant: false,
    };
    expect(npsDifference(counts(0, 0, 0), counts(5, 5, 5))).toEqual(empty);
    expect(npsDifference(counts(5, 5, 5), counts(0, 0, 0))).toEqual(empty);
  });

  it('rejects invalid counts', () => {
    expect(() => npsDifference(counts(-1, 0, 0), counts(1, 1, 1))).toThrow(
      RangeError,
    );
  });
});

describe('adjusted-Wald interval coverage (seeded simulation)', () => {
  // True distribution 45% / 30% / 25% → true NPS = 20.
  const TRUE_NPS = 20;
  const SAMPLES = 2000;

  function coverage(n: number, seed: number): number {
    const random = mulberry32(seed);
    let covered = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const c = counts(0, 0, 0);
      for (let i = 0; i < n; i++) {
        const u = random();
        if (u < 0.45) c.promoters++;
        else if (u < 0.75) c.passives++;
        else c.detractors++;
      }
      const ci = npsSummary(c).ci;
      if (ci && ci.low <= TRUE_NPS && TRUE_NPS <= ci.high) covered++;
    }
    return covered / SAMPLES;
  }

  it.each([
    [200, 20240601],
    [30, 8675309],
  ])('covers the true NPS ~95%% of the time at n = %d', (n, seed) => {
    const rate = coverage(n, seed);
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.975);
  });
});

describe('csatSummary', () => {
  it('counts 4s and 5s as satisfied', () => {
    const s = csatSummary([1, 2, 3, 4, 5, 5, 4, 4, 5, 5]);
    expect(s).toEqual({
      n: 10,
      satisfied: 7,
      csat: 70,
      distribution: [1, 1, 1, 3, 4],
    });
  });

  it('returns csat null for no responses', () => {
    expect(csatSummary([])).toEqual({
      n: 0,
      satisfied: 0,
      csat: null,
      distribution: [0, 0, 0, 0, 0],
    });
  });

  it('covers the extremes', () => {
    expect(csatSummary([5, 5, 4]).csat).toBe(100);
    expect(csatSummary([1, 2, 3]).csat).toBe(0);
  });

  it.each([0, 6, 3.5, NaN, -1])('rejects %p with a RangeError', (score) => {
    expect(() => csatSummary([4, score])).toThrow(RangeError);
  });

  it('builds the same summary from a distribution of counts', () => {
    expect(csatSummaryFromDistribution([1, 1, 1, 3, 4])).toEqual(
      csatSummary([1, 2, 3, 4, 5, 5, 4, 4, 5, 5]),
    );
  });

  it('copies the distribution rather than aliasing the input', () => {
    const input = [0, 0, 1, 1, 2];
    const s = csatSummaryFromDistribution(input);
    input[4] = 99;
    expect(s.distribution).toEqual([0, 0, 1, 1, 2]);
    expect(s.csat).toBe(75);
  });

  it('rejects malformed distributions', () => {
    expect(() => csatSummaryFromDistribution([1, 2, 3, 4])).toThrow(RangeError);
    expect(() => csatSummaryFromDistribution([1, 2, 3, 4, -5])).toThrow(
      RangeError,
    );
    expect(() => csatSummaryFromDistribution([1, 2, 3, 4, 0.5])).toThrow(
      RangeError,
    );
  });

  it('exposes the "good" threshold', () => {
    expect(CSAT_GOOD_THRESHOLD).toBe(80);
  });
});
