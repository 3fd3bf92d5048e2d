import type { QueryParams } from '../../lib/api-client';

/** Audit filters as they live in the URL, so a filtered view can be bookmarked and shared. */
export type AuditSearch = {
  action?: string;
  entityType?: string;
  actorId?: string;
  /** Local calendar days, YYYY-MM-DD, as a date input gives them. */
  from?: string;
  to?: string;
};

export const AUDIT_FILTER_FIELDS = ['action', 'entityType', 'actorId', 'from', 'to'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The router's default parser turns numeric-looking values into numbers, hence the String().
const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, 100);
  return trimmed === '' ? undefined : trimmed;
};
const day = (value: unknown): string | undefined => (typeof value === 'string' && DAY.test(value) ? value : undefined);

export const validateAuditSearch = (raw: Record<string, unknown>): AuditSearch => {
  const search: AuditSearch = {};
  const action = text(raw.action);
  const entityType = text(raw.entityType);
  const actorId = text(raw.actorId);
  const from = day(raw.from);
  const to = day(raw.to);
  if (action) search.action = action;
  if (entityType) search.entityType = entityType;
  if (actorId) search.actorId = actorId;
  if (from) search.from = from;
  if (to) search.to = to;
  return search;
};

/** Whole local days: "from" starts at local midnight, "to" runs to the end of that day. */
const startOfDay = (value: string): string => new Date(`${value}T00:00:00`).toISOString();
const endOfDay = (value: string): string => new Date(`${value}T23:59:59.999`).toISOString();

export const toAuditQuery = (search: AuditSearch): QueryParams => ({
  action: search.action,
  entityType: search.entityType,
  actorId: search.actorId,
  from: search.from ? startOfDay(search.from) : undefined,
  to: search.to ? endOfDay(search.to) : undefined,
});
