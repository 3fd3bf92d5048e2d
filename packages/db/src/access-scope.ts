import { isOrgWideReader, LEGAL_TEAM_MATTER_ROLES, type Role } from '@redress/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Tables } from './tables.js';

/**
 * Access-filtered queries: the policy in the core decides, these express the same rules as SQL so a
 * list never fetches what the reader may not see (and "not allowed" reads as "not found").
 */
export type Viewer = { userId: string; role: Role };

const LEGAL_ROLES = [...LEGAL_TEAM_MATTER_ROLES];

/** `matters.id` is visible (non-privileged content) to the viewer. */
export const matterIsVisible = (viewer: Viewer) => (eb: ExpressionBuilder<Tables, 'matters'>) =>
  isOrgWideReader(viewer.role)
    ? sql<boolean>`true`
    : eb.exists(
        eb
          .selectFrom('matter_team as vt')
          .select(sql`1`.as('one'))
          .whereRef('vt.matter_id', '=', 'matters.id')
          .where('vt.user_id', '=', viewer.userId),
      );

/** The viewer is on the matter's legal team: privileged records and restricted fields are open. */
export const onLegalTeamOf =
  (viewer: Viewer, matterIdColumn: 'matters.id' | 'notes.matter_id') =>
  (eb: ExpressionBuilder<Tables, 'matters' | 'notes'>) =>
    viewer.role === 'volunteer'
      ? sql<boolean>`false`
      : eb.exists(
          eb
            .selectFrom('matter_team as lt')
            .select(sql`1`.as('one'))
            .whereRef('lt.matter_id', '=', sql.ref(matterIdColumn))
            .where('lt.user_id', '=', viewer.userId)
            .where('lt.matter_role', 'in', LEGAL_ROLES),
        );

/**
 * A person is visible to org-wide readers, to whoever created the record (intake before any matter
 * exists), and to the team of any of the person's matters.
 */
export const personIsVisible = (viewer: Viewer) => (eb: ExpressionBuilder<Tables, 'people'>) =>
  isOrgWideReader(viewer.role)
    ? sql<boolean>`true`
    : eb.or([
        eb('people.created_by', '=', viewer.userId),
        eb.exists(
          eb
            .selectFrom('matters as pm')
            .innerJoin('matter_team as pt', 'pt.matter_id', 'pm.id')
            .select(sql`1`.as('one'))
            .whereRef('pm.person_id', '=', 'people.id')
            .where('pt.user_id', '=', viewer.userId),
        ),
      ]);

/** The viewer is on the legal team of at least one of the person's matters (restricted fields). */
export const onLegalTeamOfPerson = (viewer: Viewer) => (eb: ExpressionBuilder<Tables, 'people'>) =>
  viewer.role === 'volunteer'
    ? sql<boolean>`false`
    : eb.exists(
        eb
          .selectFrom('matters as lm')
          .innerJoin('matter_team as lpt', 'lpt.matter_id', 'lm.id')
          .select(sql`1`.as('one'))
          .whereRef('lm.person_id', '=', 'people.id')
          .where('lpt.user_id', '=', viewer.userId)
          .where('lpt.matter_role', 'in', LEGAL_ROLES),
      );
