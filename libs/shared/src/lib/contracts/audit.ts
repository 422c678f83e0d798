import { PageQuery } from './pagination';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export interface AuditQuery extends PageQuery {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
}
