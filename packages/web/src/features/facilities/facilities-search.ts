import { FACILITY_JURISDICTIONS, FACILITY_KINDS, type FacilityJurisdiction, type FacilityKind } from '@redress/core';
import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from '../people/labels';

export const JURISDICTION_LABELS: Record<FacilityJurisdiction, string> = {
  CA: 'California (CDCR)',
  US: 'Federal (BOP)',
  county: 'County',
  other: 'Other',
};
export const JURISDICTION_OPTIONS = FACILITY_JURISDICTIONS.map((value) => ({
  value,
  label: JURISDICTION_LABELS[value],
}));

export const KIND_LABELS: Record<FacilityKind, string> = {
  prison: 'Prison',
  medical_center: 'Medical center',
  detention_center: 'Detention center',
  transfer_center: 'Transfer center',
  camp: 'Camp',
  complex: 'Complex',
  jail: 'Jail',
  other: 'Other',
};
export const KIND_OPTIONS = FACILITY_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
export const kindLabel = (kind: string): string => (isOneOf(FACILITY_KINDS, kind) ? KIND_LABELS[kind] : kind);

export type FacilitiesSearch = { q?: string; jurisdiction?: FacilityJurisdiction; cursor?: string };

export const FACILITIES_PAGE_SIZE = 50;

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

export const validateFacilitiesSearch = (raw: Record<string, unknown>): FacilitiesSearch => {
  const search: FacilitiesSearch = {};
  const q = text(raw.q, 200);
  const cursor = text(raw.cursor, 200);
  if (q) search.q = q;
  if (isOneOf(FACILITY_JURISDICTIONS, raw.jurisdiction)) search.jurisdiction = raw.jurisdiction;
  if (cursor) search.cursor = cursor;
  return search;
};

export const toFacilitiesQuery = (search: FacilitiesSearch): QueryParams => ({
  q: search.q,
  jurisdiction: search.jurisdiction,
  cursor: search.cursor,
  limit: FACILITIES_PAGE_SIZE,
});

/** The mailing address for incarcerated people as lines, or null when the directory has none. */
export const mailingLines = (f: {
  mailLine1: string | null;
  mailCity: string | null;
  mailState: string | null;
  mailZip: string | null;
}): string[] | null =>
  f.mailCity && f.mailState && f.mailZip
    ? [f.mailLine1, `${f.mailCity}, ${f.mailState} ${f.mailZip}`].filter((l): l is string => Boolean(l))
    : null;
