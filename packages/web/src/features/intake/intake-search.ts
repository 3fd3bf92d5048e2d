import {
  CLAIM_TYPES,
  type ClaimType,
  INTAKE_LANGUAGES,
  INTAKE_STATES,
  type IntakeLanguage,
  type IntakeState,
} from '@redress/core';
import type { QueryParams } from '../../lib/api-client';
import { isOneOf } from '../people/labels';
import { AGE_BUCKETS, type AgeBucket } from './labels';

/** The triage queue's filters and page as they live in the URL, so a view can be bookmarked and shared. */
export type IntakeSearch = {
  state?: IntakeState;
  age?: AgeBucket;
  /** Two-letter state code, or US for federal. */
  jurisdiction?: string;
  claimType?: ClaimType;
  language?: IntakeLanguage;
  /** "me", "none" (unassigned) or a user id. */
  assignedTo?: string;
  cursor?: string;
};

export const INTAKES_PAGE_SIZE = 50;

// The router's default parser turns numeric-looking values into numbers, hence the String().
const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

const JURISDICTION = /^[A-Z]{2}$/;

export const validateIntakeSearch = (raw: Record<string, unknown>): IntakeSearch => {
  const search: IntakeSearch = {};
  if (isOneOf(INTAKE_STATES, raw.state)) search.state = raw.state;
  if (isOneOf(AGE_BUCKETS, raw.age)) search.age = raw.age;
  const jurisdiction = text(raw.jurisdiction, 2)?.toUpperCase();
  if (jurisdiction && JURISDICTION.test(jurisdiction)) search.jurisdiction = jurisdiction;
  if (isOneOf(CLAIM_TYPES, raw.claimType)) search.claimType = raw.claimType;
  if (isOneOf(INTAKE_LANGUAGES, raw.language)) search.language = raw.language;
  const assignedTo = text(raw.assignedTo, 100);
  if (assignedTo) search.assignedTo = assignedTo;
  const cursor = text(raw.cursor, 200);
  if (cursor) search.cursor = cursor;
  return search;
};

export const toIntakeQuery = (search: IntakeSearch): QueryParams => ({
  state: search.state,
  age: search.age,
  jurisdiction: search.jurisdiction,
  claimType: search.claimType,
  language: search.language,
  assignedTo: search.assignedTo,
  cursor: search.cursor,
  limit: INTAKES_PAGE_SIZE,
});
