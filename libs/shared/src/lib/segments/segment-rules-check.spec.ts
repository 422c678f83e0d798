import { DEFAULT_SEGMENT_RULES, SegmentRules } from './segment-rules';
import { segmentRulesProblems } from './segment-rules-check';

const rules = (change: (r: SegmentRules) => void): SegmentRules => {
  const copy: SegmentRules = JSON.parse(JSON.stringify(DEFAULT_SEGMENT_RULES));
  change(copy);
  return copy;
};

describe('segmentRulesProblems', () => {
  it('accepts the defaults', () => {
    expect(segmentRulesProblems(DEFAULT_SEGMENT_RULES)).toEqual({});
  });

  it('accepts the bounds of every range', () => {
    expect(
      segmentRulesProblems(
        rules((r) => {
          r.npsWindowDays = 1;
          r.activeWindowDays = 3650;
          r.npsDropPoints = 10;
          r.repeatPurchaseMin = 1;
        }),
      ),
    ).toEqual({});
  });

  it('names each field out of range', () => {
    const problems = segmentRulesProblems(
      rules((r) => {
        r.npsWindowDays = 0;
        r.churnInactiveDays = 1.5;
        r.npsDropPoints = 11;
      }),
    );
    expect(Object.keys(problems).sort()).toEqual([
      'churnInactiveDays',
      'npsDropPoints',
      'npsWindowDays',
    ]);
  });

  it('flags the second use of a key, not the first', () => {
    const problems = segmentRulesProblems(
      rules((r) => (r.segments[3].key = 'promoters')),
    );
    expect(problems).toEqual({
      'segments[3].key': 'is already used by another segment',
    });
  });

  it('wants kebab-case keys and short non-blank names', () => {
    const problems = segmentRulesProblems(
      rules((r) => {
        r.segments[0].key = 'at--risk';
        r.segments[1].name = '   ';
        r.segments[2].name = 'n'.repeat(41);
      }),
    );
    expect(Object.keys(problems).sort()).toEqual([
      'segments[0].key',
      'segments[1].name',
      'segments[2].name',
    ]);
  });

  it('refuses empty condition lists, which would match nobody', () => {
    const problems = segmentRulesProblems(
      rules((r) => (r.segments[0].npsCategories = [])),
    );
    expect(problems['segments[0].npsCategories']).toMatch(/at least one/);
  });

  it('requires a catch-all last segment', () => {
    const problems = segmentRulesProblems(
      rules((r) => (r.segments = [r.segments[0]])),
    );
    expect(problems['segments']).toMatch(
      /last segment must have no conditions/,
    );
    expect(segmentRulesProblems(rules((r) => (r.segments = [])))).toEqual({
      segments: 'needs at least one segment',
    });
  });
});
