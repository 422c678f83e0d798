import { AuditQuery } from '@advocacy/shared';

export interface AuditFilters {
  action: string;
  actor: string;
  entityType: string;
  from: Date | null;
  to: Date | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  action: '',
  actor: '',
  entityType: '',
  from: null,
  to: null,
};

/** The picked days are local calendar days; the API takes an instant range whose end is exclusive. */
export function toAuditQuery(
  filters: AuditFilters,
  pageIndex: number,
  pageSize: number,
): AuditQuery {
  const dayAfterTo = filters.to
    ? new Date(
        filters.to.getFullYear(),
        filters.to.getMonth(),
        filters.to.getDate() + 1,
      )
    : null;
  return {
    page: pageIndex + 1,
    pageSize,
    action: filters.action || undefined,
    actor: filters.actor.trim() || undefined,
    entityType: filters.entityType.trim() || undefined,
    from: filters.from?.toISOString(),
    to: dayAfterTo?.toISOString(),
  };
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Boolean(
    filters.action ||
      filters.actor.trim() ||
      filters.entityType.trim() ||
      filters.from ||
      filters.to,
  );
}
