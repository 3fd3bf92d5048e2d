import {
  MATTER_OUTCOMES,
  MATTER_SORTS,
  MATTER_TYPES,
  type MatterOutcome,
  type MatterSort,
  type MatterType,
} from '@redress/core';
import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from '../people/labels';

export type MatterStatusFilter = 'open' | 'closed' | 'all';

/** The matters list's filters, sort and page (an opaque cursor) as they live in the URL. */
export type MattersSearch = {
  type?: MatterType;
  stage?: string;
  outcome?: MatterOutcome;
  status?: MatterStatusFilter;
  mine?: boolean;
  sort?: MatterSort;
  cursor?: string;
};

export const MATTERS_PAGE_SIZE = 25;

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export const validateMattersSearch = (raw: Record<string, unknown>): MattersSearch => {
  const search: MattersSearch = {};
  if (isOneOf(MATTER_TYPES, raw.type)) search.type = raw.type;
  const stage = text(raw.stage, 100);
  if (stage) search.stage = stage;
  if (isOneOf(MATTER_OUTCOMES, raw.outcome)) search.outcome = raw.outcome;
  if (raw.status === 'open' || raw.status === 'closed' || raw.status === 'all') search.status = raw.status;
  if (raw.mine === true || raw.mine === 'true') search.mine = true;
  if (isOneOf(MATTER_SORTS, raw.sort)) search.sort = raw.sort;
  const cursor = text(raw.cursor, 200);
  if (cursor) search.cursor = cursor;
  return search;
};

export const toMattersQuery = (search: MattersSearch): QueryParams => ({
  type: search.type,
  stage: search.stage,
  outcome: search.outcome,
  status: search.status,
  teamMember: search.mine ? 'me' : undefined,
  sort: search.sort,
  cursor: search.cursor,
  limit: MATTERS_PAGE_SIZE,
});

export const MATTER_SORT_LABELS: Record<MatterSort, string> = {
  '-openedOn': 'Opened, newest first',
  openedOn: 'Opened, oldest first',
  '-updatedAt': 'Changed, newest first',
  updatedAt: 'Changed, oldest first',
  title: 'Title, A to Z',
  '-title': 'Title, Z to A',
};
