import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from '../people/labels';

export const CONTACT_KINDS = [
  'official',
  'attorney',
  'family',
  'supporter',
  'journalist',
  'laboratory',
  'other',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  official: 'Official',
  attorney: 'Attorney',
  family: 'Family',
  supporter: 'Supporter',
  journalist: 'Journalist',
  laboratory: 'Laboratory',
  other: 'Other',
};
export const CONTACT_KIND_OPTIONS = CONTACT_KINDS.map((value) => ({ value, label: CONTACT_KIND_LABELS[value] }));

export type ContactsSearch = { name?: string; kind?: ContactKind; cursor?: string };

export const CONTACTS_PAGE_SIZE = 25;

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export const validateContactsSearch = (raw: Record<string, unknown>): ContactsSearch => {
  const search: ContactsSearch = {};
  const name = text(raw.name, 200);
  const cursor = text(raw.cursor, 200);
  if (name) search.name = name;
  if (isOneOf(CONTACT_KINDS, raw.kind)) search.kind = raw.kind;
  if (cursor) search.cursor = cursor;
  return search;
};

export const toContactsQuery = (search: ContactsSearch): QueryParams => ({
  name: search.name,
  kind: search.kind,
  cursor: search.cursor,
  limit: CONTACTS_PAGE_SIZE,
});
