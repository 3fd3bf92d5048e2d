import { SEARCH_QUERY_MAX, SEARCH_TYPES, type SearchType } from '@redress/core';
import { isOneOf } from '../people/labels';

/** The search page's query as it lives in the URL: /search?q=...&type=people. */
export type SearchPageSearch = { q?: string; type?: SearchType };

export const validateSearchPageSearch = (raw: Record<string, unknown>): SearchPageSearch => {
  const search: SearchPageSearch = {};
  if (typeof raw.q === 'string' || typeof raw.q === 'number') {
    const q = String(raw.q).trim().slice(0, SEARCH_QUERY_MAX);
    if (q) search.q = q;
  }
  if (isOneOf(SEARCH_TYPES, raw.type)) search.type = raw.type;
  return search;
};

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  people: 'People',
  matters: 'Matters',
  contacts: 'Contacts',
  notes: 'Notes',
  intakes: 'Intakes',
  documents: 'Documents',
};
