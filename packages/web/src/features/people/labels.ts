import {
  type ALIAS_KINDS,
  IDENTIFIER_LABELS,
  IDENTIFIER_SYSTEMS,
  PERSON_STATUSES,
  type PersonStatus,
  PLACEMENT_SOURCES,
} from '@redress/core';

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  in_custody: 'In custody',
  released: 'Released',
  on_parole: 'On parole',
  deceased: 'Deceased',
};

export const PERSON_STATUS_OPTIONS = PERSON_STATUSES.map((value) => ({ value, label: PERSON_STATUS_LABELS[value] }));

export const IDENTIFIER_SYSTEM_OPTIONS = IDENTIFIER_SYSTEMS.map((value) => ({
  value,
  label: IDENTIFIER_LABELS[value],
}));

export const ALIAS_KIND_LABELS: Record<(typeof ALIAS_KINDS)[number], string> = {
  alias: 'Alias',
  spelling: 'Other spelling',
  committed_name: 'Committed name',
  former_name: 'Former name',
};

export const PLACEMENT_SOURCE_LABELS: Record<(typeof PLACEMENT_SOURCES)[number], string> = {
  locator: 'Inmate locator',
  letter: 'Letter',
  family: 'Family',
  court: 'Court',
  returned_mail: 'Returned mail',
  phone: 'Phone call',
  other: 'Other',
};

export const PLACEMENT_SOURCE_OPTIONS = PLACEMENT_SOURCES.map((value) => ({
  value,
  label: PLACEMENT_SOURCE_LABELS[value],
}));

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
