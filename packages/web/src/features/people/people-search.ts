import { PEOPLE_SORTS, PERSON_STATUSES, type PeopleSort, type PersonStatus } from '@redress/core';
import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from './labels';

/** The people list's filters, sort and page as they live in the URL, so a view can be bookmarked. */
export type PeopleSearch = {
  name?: string;
  status?: PersonStatus;
  identifier?: string;
  sort?: PeopleSort;
  /** 1-based page number. */
  page?: number;
};

export const PEOPLE_PAGE_SIZE = 25;

// The router's default parser turns numeric-looking values into numbers, hence the String().
const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export const pageNumber = (value: unknown): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 10_000 ? n : undefined;
};

export const validatePeopleSearch = (raw: Record<string, unknown>): PeopleSearch => {
  const search: PeopleSearch = {};
  const name = text(raw.name, 200);
  const identifier = text(raw.identifier, 100);
  const page = pageNumber(raw.page);
  if (name) search.name = name;
  if (isOneOf<PersonStatus>(PERSON_STATUSES, raw.status)) search.status = raw.status;
  if (identifier) search.identifier = identifier;
  if (isOneOf<PeopleSort>(PEOPLE_SORTS, raw.sort) && (raw.sort !== 'relevance' || name)) search.sort = raw.sort;
  if (page) search.page = page;
  return search;
};

export const toPeopleQuery = (search: PeopleSearch): QueryParams => ({
  name: search.name,
  status: search.status,
  identifier: search.identifier,
  sort: search.sort,
  limit: PEOPLE_PAGE_SIZE,
  offset: search.page ? (search.page - 1) * PEOPLE_PAGE_SIZE : undefined,
});

export const PEOPLE_SORT_LABELS: Record<PeopleSort, string> = {
  relevance: 'Best match (with a name)',
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  created: 'Added, oldest first',
  '-created': 'Added, newest first',
  dob: 'Date of birth, oldest first',
  '-dob': 'Date of birth, youngest first',
};
