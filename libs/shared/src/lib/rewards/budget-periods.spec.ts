import { exceededLimits, periodWindow } from './budget-periods';

describe('periodWindow', () => {
  const now = new Date('2026-05-17T23:30:00Z');

  it('gives calendar windows in UTC', () => {
    expect(periodWindow('month', now)).toEqual({
      start: new Date('2026-05-01T00:00:00Z'),
      end: new Date('2026-06-01T00:00:00Z'),
    });
    expect(periodWindow('quarter', now)).toEqual({
      start: new Date('2026-04-01T00:00:00Z'),
      end: new Date('2026-07-01T00:00:00Z'),
    });
    expect(periodWindow('year', new Date('2026-12-31T23:59:59Z'))).toEqual({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(periodWindow('lifetime', now)).toEqual({ start: null, end: null });
  });
});

describe('exceededLimits', () => {
  it('names each limit one more grant would pass, allowing an exact fit', () => {
    const uses = [
      { label: 'month budget', limit: 1000, used: 900 },
      { label: 'count cap', limit: 3, used: 3 },
      { label: 'no cap', limit: null, used: 99 },
    ];
    expect(exceededLimits(uses, 100)).toEqual(['count cap']);
    expect(exceededLimits(uses, 101)).toEqual(['month budget', 'count cap']);
  });
});
