import {
  PATHWAY_IDS,
  type PathwayId,
  SCREENING_RESULT_SORTS,
  SCREENING_STATUSES,
  type ScreeningStatus,
} from '@redress/core';
import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from '../people/labels';

export const RUN_TABS = ['results', 'errors', 'compare'] as const;
export type RunTab = (typeof RUN_TABS)[number];
export type ResultSort = (typeof SCREENING_RESULT_SORTS)[number];

/** A run page's tab, filters, sort and comparison as they live in the URL, so a view can be shared. */
export type ScreeningRunSearch = {
  tab?: RunTab;
  pathway?: PathwayId;
  status?: ScreeningStatus;
  /** Only results eligible on or before this day. */
  eligibleBy?: string;
  q?: string;
  sort?: ResultSort;
  /** The earlier run to compare with. */
  compareWith?: string;
};

export type ResultFilters = Pick<ScreeningRunSearch, 'pathway' | 'status' | 'eligibleBy' | 'q' | 'sort'>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The router's default parser turns numeric-looking values into numbers, hence the String().
const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export const validateScreeningRunSearch = (raw: Record<string, unknown>): ScreeningRunSearch => {
  const search: ScreeningRunSearch = {};
  if (isOneOf(RUN_TABS, raw.tab) && raw.tab !== 'results') search.tab = raw.tab;
  if (isOneOf(PATHWAY_IDS, raw.pathway)) search.pathway = raw.pathway;
  if (isOneOf(SCREENING_STATUSES, raw.status)) search.status = raw.status;
  if (typeof raw.eligibleBy === 'string' && DAY.test(raw.eligibleBy)) search.eligibleBy = raw.eligibleBy;
  const q = text(raw.q, 200);
  if (q) search.q = q;
  if (isOneOf(SCREENING_RESULT_SORTS, raw.sort) && raw.sort !== 'eligible_from') search.sort = raw.sort;
  const compareWith = text(raw.compareWith, 100);
  if (compareWith) search.compareWith = compareWith;
  return search;
};

export const resultFiltersOf = ({ pathway, status, eligibleBy, q, sort }: ScreeningRunSearch): ResultFilters => {
  const filters: ResultFilters = {};
  if (pathway) filters.pathway = pathway;
  if (status) filters.status = status;
  if (eligibleBy) filters.eligibleBy = eligibleBy;
  if (q) filters.q = q;
  if (sort) filters.sort = sort;
  return filters;
};

export const toResultQuery = (filters: ResultFilters): QueryParams => ({
  pathway: filters.pathway,
  status: filters.status,
  eligibleBy: filters.eligibleBy,
  q: filters.q,
  sort: filters.sort ?? 'eligible_from',
});

export const SORT_LABELS: Record<ResultSort, string> = {
  eligible_from: 'Eligible from, soonest first',
  '-eligible_from': 'Eligible from, latest first',
  subject: 'Roster id',
  status: 'Status',
};
