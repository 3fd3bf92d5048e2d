import { randomUUID } from 'node:crypto';
import type { MatterRole, MatterType } from '@redress/core';
import { expect } from 'vitest';
import type { Client, Harness } from './harness.js';

/**
 * Matters straight into the database: the person tests need a team to stand on, not the matter API.
 * Returns the matter id.
 */
export const openMatterFor = async (
  h: Harness,
  personId: string,
  team: readonly { userId: string; matterRole: MatterRole }[],
  type: MatterType = 'innocence_investigation',
): Promise<string> => {
  const id = randomUUID();
  const now = h.clock.now();
  await h.database.db
    .insertInto('matters')
    .values({
      id,
      person_id: personId,
      type,
      title: `Matter ${id.slice(0, 8)}`,
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

/** POST /api/v1/people, expecting 201; returns the whole answer (person and possible duplicates). */
export const createPerson = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.request('POST', '/api/v1/people', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { person: { id: string } & Record<string, unknown>; possibleDuplicates: unknown[] };
};

/** Sends a request and expects a status; returns the JSON body (or null for 204). */
export const expectStatus = async (pending: ReturnType<Client['request']>, status: number) => {
  const res = await pending;
  expect(res.statusCode, res.body).toBe(status);
  return res.statusCode === 204 ? null : res.json();
};
