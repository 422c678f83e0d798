import { dueLabel, reasonLabel } from './case-display';

describe('case display', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('says how long until an active case is due, or how overdue it is', () => {
    expect(dueLabel('2026-03-10T17:00:00Z', 'open', now)).toBe('Due in 5 h');
    expect(dueLabel('2026-03-13T12:00:00Z', 'contacted', now)).toBe(
      'Due in 3 d',
    );
    expect(dueLabel('2026-03-10T11:30:00Z', 'open', now)).toBe(
      'Overdue by 30 min',
    );
    expect(dueLabel('2026-03-08T12:00:00Z', 'contacted', now)).toBe(
      'Overdue by 2 d',
    );
  });

  it('shows no due time for resolved or closed cases', () => {
    expect(dueLabel('2026-03-01T12:00:00Z', 'resolved', now)).toBe('—');
    expect(dueLabel('2026-03-01T12:00:00Z', 'closed_without_fix', now)).toBe(
      '—',
    );
  });

  it('words the reason', () => {
    expect(reasonLabel('drop', 7, 10)).toBe('Dropped from 10 to 7');
    expect(reasonLabel('detractor', 3, null)).toBe('Detractor score 3');
  });
});
