import type { PersonStatus, Role } from '@redress/core';
import { normaliseName } from '@redress/core';
import { expect } from 'vitest';
import { addUser, type Client, type Harness, signIn } from './harness.js';

/**
 * People are inserted straight into the table: the matter tests need someone to open matters for, not
 * the people API.
 */
export const insertPerson = async (
  h: Harness,
  legalName: string,
  options: { createdBy?: string; status?: PersonStatus } = {},
): Promise<string> => {
  const id = crypto.randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('people')
    .values({
      id,
      legal_name: legalName,
      name_search: normaliseName(legalName),
      created_by: options.createdBy ?? null,
      ...(options.status ? { status: options.status } : {}),
      created_at: now,
      updated_at: now,
      external_id: null,
      date_of_birth: null,
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
  return id;
};

export type Member = { id: string; name: string; role: Role; client: Client };

/** A user with a recognisable name, signed in. */
export const member = async (h: Harness, role: Role, name?: string): Promise<Member> => {
  const user = await addUser(h, role);
  if (name) await h.database.db.updateTable('users').set({ name }).where('id', '=', user.id).execute();
  return { id: user.id, name: name ?? user.name, role, client: await signIn(h, user.email) };
};

/** Opens a matter through the API and returns its detail (fails the test if it could not). */
export const openMatter = async (
  client: Client,
  personId: string,
  type = 'state_commutation',
  extra: Record<string, unknown> = {},
) => {
  const res = await client.request('POST', '/api/v1/matters', { personId, type, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; stage: string; team: { userId: string; matterRole: string }[] } & Record<
    string,
    unknown
  >;
};

/** Adds a user to a matter's team through the API, as `manager` (an administrator or the lead attorney). */
export const addToTeam = async (manager: Client, matterId: string, userId: string, matterRole?: string) => {
  const res = await manager.request('POST', `/api/v1/matters/${matterId}/team`, {
    userId,
    ...(matterRole ? { matterRole } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
};
