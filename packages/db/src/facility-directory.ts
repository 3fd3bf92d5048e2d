import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type FacilityDirectoryEntry, FacilityDirectoryFile } from '@redress/core';
import { sql } from 'kysely';
import type { Executor } from './executor.js';

/**
 * The facility directory shipped with Redress: every CDCR adult institution and every Federal Bureau of
 * Prisons institution, as JSON in packages/db/data/facilities (see the README there for sources).
 */
const DATA_DIR = fileURLToPath(new URL('../data/facilities/', import.meta.url));
export const FACILITY_DIRECTORY_FILES = ['cdcr.json', 'bop.json'] as const;

/** Reads and checks the shipped directory; a malformed file is a bug in the release, so it throws. */
export const loadFacilityDirectory = (dir = DATA_DIR): FacilityDirectoryEntry[] => {
  const entries = FACILITY_DIRECTORY_FILES.flatMap((file) => {
    const parsed = FacilityDirectoryFile.safeParse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
    if (!parsed.success) throw new Error(`facility directory ${file}: ${parsed.error.message}`);
    return parsed.data.facilities;
  });
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.code)) throw new Error(`facility directory: code ${e.code} appears twice`);
    seen.add(e.code);
  }
  return entries;
};

let cached: FacilityDirectoryEntry[] | undefined;
const shippedDirectory = () => {
  cached ??= loadFacilityDirectory();
  return cached;
};

const oneLine = (e: FacilityDirectoryEntry) =>
  e.mailCity && e.mailState && e.mailZip
    ? [e.mailLine1, `${e.mailCity}, ${e.mailState} ${e.mailZip}`].filter(Boolean).join(', ')
    : null;

// The columns the directory owns. A row a person edited (`is_edited`) keeps its own values.
const DIRECTORY_COLUMNS = [
  'name',
  'jurisdiction',
  'kind',
  'security_level',
  'street_address',
  'city',
  'state',
  'zip',
  'mailing_address',
  'mail_line1',
  'mail_city',
  'mail_state',
  'mail_zip',
  'mail_note',
  'phone',
  'visiting_info',
  'is_active',
  'verified',
  'source',
] as const;

export type FacilitySeedResult = { inserted: number; updated: number };

/**
 * Brings the directory up to date, in one statement: adds the facilities whose code is missing and
 * refreshes the ones nobody has edited when the shipped data changed. A row a person created or
 * changed is never overwritten. Safe to run on every start and from several servers at once.
 */
export const seedFacilityDirectory = async (
  db: Executor,
  now: Date,
  options: { newId?: () => string; entries?: readonly FacilityDirectoryEntry[] } = {},
): Promise<FacilitySeedResult> => {
  const entries = options.entries ?? shippedDirectory();
  if (entries.length === 0) return { inserted: 0, updated: 0 };
  const newId = options.newId ?? randomUUID;
  const rows = await db
    .insertInto('facilities')
    .values(
      entries.map((e) => ({
        id: newId(),
        code: e.code,
        name: e.name,
        jurisdiction: e.jurisdiction,
        kind: e.kind,
        security_level: e.securityLevel,
        street_address: e.streetAddress,
        city: e.city,
        state: e.state,
        zip: e.zip,
        mailing_address: oneLine(e),
        mail_line1: e.mailLine1,
        mail_city: e.mailCity,
        mail_state: e.mailState,
        mail_zip: e.mailZip,
        mail_note: e.mailNote,
        phone: e.phone,
        visiting_info: e.visitingInfo,
        is_active: e.isActive,
        verified: e.verified,
        source: e.source,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('facilities.is_edited', '=', false)
        .where(
          sql<boolean>`(${sql.join(DIRECTORY_COLUMNS.map((c) => sql.ref(`facilities.${c}`)))}) IS DISTINCT FROM (${sql.join(
            DIRECTORY_COLUMNS.map((c) => sql.ref(`excluded.${c}`)),
          )})`,
        ),
    )
    .returning(sql<boolean>`xmax = 0`.as('is_insert'))
    .execute();
  const inserted = rows.filter((r) => r.is_insert).length;
  return { inserted, updated: rows.length - inserted };
};
