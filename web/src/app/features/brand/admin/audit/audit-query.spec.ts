import { NO_AUDIT_FILTERS, hasAuditFilters, toAuditQuery } from './audit-query';

describe('toAuditQuery', () => {
  it('turns the 0-based page index into the 1-based page the API expects and drops empty filters', () => {
    expect(toAuditQuery(NO_AUDIT_FILTERS, 2, 50)).toEqual({
      page: 3,
      pageSize: 50,
      action: undefined,
      actor: undefined,
      entityType: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('covers the whole last picked day, since the API treats `to` as exclusive', () => {
    const from = new Date(2026, 10, 1);
    const to = new Date(2026, 10, 3);
    const query = toAuditQuery(
      { ...NO_AUDIT_FILTERS, from, to, actor: '  ada@ ' },
      0,
      25,
    );

    expect(query.from).toBe(from.toISOString());
    expect(query.to).toBe(new Date(2026, 10, 4).toISOString());
    expect(query.actor).toBe('ada@');
  });

  it('treats whitespace-only text filters as no filter', () => {
    expect(hasAuditFilters({ ...NO_AUDIT_FILTERS, actor: '   ' })).toBe(false);
    expect(
      hasAuditFilters({ ...NO_AUDIT_FILTERS, action: 'user.invited' }),
    ).toBe(true);
  });
});
