import type { IdentifierSystem, MatterRole, Role } from '@redress/core';
import { nameSearchOf } from '@redress/db';
import { addUser, type Client, type Harness, signIn } from './harness.js';

// Records for the search and conflict-check tests, inserted straight into the tables: these tests are
// about finding records and who may see them, not about the APIs that create them.

export type SignedIn = { id: string; role: Role; client: Client };

export const signedIn = async (h: Harness, role: Role): Promise<SignedIn> => {
  const user = await addUser(h, role);
  return { id: user.id, role, client: await signIn(h, user.email) };
};

export const addPerson = async (
  h: Harness,
  legalName: string,
  options: {
    aliases?: string[];
    identifiers?: { system: IdentifierSystem; value: string }[];
    dateOfBirth?: string;
    createdBy?: string;
  } = {},
): Promise<string> => {
  const id = crypto.randomUUID();
  const now = h.clock.now();
  const db = h.database.db;
  await db
    .insertInto('people')
    .values({
      id,
      legal_name: legalName,
      name_search: nameSearchOf(legalName),
      date_of_birth: options.dateOfBirth ?? null,
      created_by: options.createdBy ?? null,
      created_at: now,
      updated_at: now,
      external_id: null,
      gender: null,
      preferred_language: null,
      phone: null,
      email: null,
      mailing_address: null,
      notes: null,
      mail_hold_since: null,
      mail_hold_reason: null,
    })
    .execute();
  for (const name of options.aliases ?? []) {
    await db
      .insertInto('person_aliases')
      .values({ id: crypto.randomUUID(), person_id: id, name, name_search: nameSearchOf(name) })
      .execute();
  }
  for (const { system, value } of options.identifiers ?? []) {
    await db
      .insertInto('person_identifiers')
      .values({ id: crypto.randomUUID(), person_id: id, system, value, issuer: null })
      .execute();
  }
  return id;
};

export const addMatter = async (
  h: Harness,
  personId: string,
  title: string,
  team: readonly { userId: string; matterRole: MatterRole }[] = [],
): Promise<string> => {
  const id = crypto.randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('matters')
    .values({
      id,
      person_id: personId,
      type: 'innocence_investigation',
      title,
      stage: 'Intake review',
      opened_on: '2025-01-06',
      created_by: null,
      external_id: null,
      decision_maker: null,
      closed_on: null,
      release_date: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (team.length > 0) {
    await h.database.db
      .insertInto('matter_team')
      .values(team.map((m) => ({ matter_id: id, user_id: m.userId, matter_role: m.matterRole, added_at: now })))
      .execute();
  }
  return id;
};

export const addNote = async (
  h: Harness,
  matterId: string,
  body: string,
  options: { isPrivileged?: boolean } = {},
): Promise<string> => {
  const id = crypto.randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('notes')
    .values({
      id,
      matter_id: matterId,
      body,
      is_privileged: options.isPrivileged ?? false,
      author_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
};

export const addContact = async (
  h: Harness,
  name: string,
  options: { organisation?: string; links?: { matterId?: string; personId?: string }[] } = {},
): Promise<string> => {
  const id = crypto.randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('contacts')
    .values({
      id,
      kind: 'official',
      name,
      name_search: nameSearchOf(name),
      organisation: options.organisation ?? null,
      title: null,
      email: null,
      phone: null,
      address: null,
      notes: null,
      external_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const link of options.links ?? []) {
    await h.database.db
      .insertInto('contact_links')
      .values({
        id: crypto.randomUUID(),
        contact_id: id,
        matter_id: link.matterId ?? null,
        person_id: link.personId ?? null,
        relationship: 'official',
      })
      .execute();
  }
  return id;
};

/** A conviction of `personId` naming these parties (victims, survivors, co-defendants). */
export const addConvictionParties = async (
  h: Harness,
  personId: string,
  parties: readonly { role: 'victim' | 'survivor' | 'co_defendant'; name: string }[],
): Promise<string> => {
  const convictionId = crypto.randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('convictions')
    .values({
      id: convictionId,
      person_id: personId,
      case_number: 'CR-1',
      court: null,
      county: null,
      offense_start: null,
      offense_end: null,
      conviction_date: null,
      disposition: null,
      prosecutor: null,
      defense_counsel: null,
      judge: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const p of parties) {
    await h.database.db
      .insertInto('conviction_parties')
      .values({
        id: crypto.randomUUID(),
        conviction_id: convictionId,
        role: p.role,
        name: p.name,
        name_search: nameSearchOf(p.name),
        notes: null,
      })
      .execute();
  }
  return convictionId;
};

export const addMatterParty = async (h: Harness, matterId: string, role: 'adverse_party' | 'witness', name: string) =>
  h.database.db
    .insertInto('matter_parties')
    .values({ id: crypto.randomUUID(), matter_id: matterId, role, name, name_search: nameSearchOf(name) })
    .execute();
