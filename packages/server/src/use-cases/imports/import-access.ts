import {
  DEFAULT_MATTER_ROLE,
  decide,
  type ImportKind,
  type MatterRole,
  type Membership,
  membershipOf,
  type Role,
} from '@redress/core';
import { type Executor, type ExistingStanding, findImportById, type Importer, type ImportRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { mayWritePerson } from '../people/person-access.js';
import { authorizeWorkspace, failWith } from '../policy.js';

/** Who imports: the signed-in user, or (null) the operator at the server's command line. */
export const importerOf = (ctx: RequestContext): Importer =>
  ctx.actor ? { userId: ctx.actor.userId, role: ctx.actor.role } : null;

const RANK: Record<Membership, number> = { none: 0, team: 1, legal_team: 2 };

/** How the importer stands to a person: the closest of their standings on the person's matters. */
const closestMembership = (role: Role, roles: readonly MatterRole[]): Membership =>
  roles.map((r) => membershipOf(role, r)).reduce<Membership>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');

/**
 * Named policy: may an import change the record that already carries a row's external id? The same
 * rules as a change made by hand: a person's record by the team of one of their matters, the
 * organisation-wide readers or its creator (`mayWritePerson`); a matter by its team (`matter.write`);
 * contacts (the organisation's directory) by anyone who may import. The operator passes.
 */
export const mayImportOver =
  (kind: ImportKind, importer: Importer) =>
  (standing: ExistingStanding): boolean => {
    if (importer === null || kind === 'contacts') return true;
    const membership = closestMembership(importer.role, standing.importerMatterRoles);
    if (kind === 'people') {
      return mayWritePerson({ role: importer.role, membership, isCreator: standing.createdBy === importer.userId });
    }
    return decide({ role: importer.role, action: 'matter.write', membership, isPrivileged: false }).allowed;
  };

/** As when a matter is opened by hand, the importer joins the team of every matter the import opens. */
export const teamRoleForImportedMatters = (importer: Importer): MatterRole | null =>
  importer ? DEFAULT_MATTER_ROLE[importer.role] : null;

/**
 * An import the actor may see: their own (an administrator sees everyone's). Anyone else gets 404,
 * as for an import that does not exist: a staged file holds the uploader's rows.
 */
export const loadImport = async (db: Executor, ctx: RequestContext, id: string): Promise<ImportRow> => {
  authorizeWorkspace(ctx, 'data.import');
  const row = await findImportById(db, id);
  const actor = ctx.actor;
  if (!row || (actor && row.created_by !== actor.userId && actor.role !== 'administrator')) {
    return failWith('not_found', 'import.not_found', 'No such import');
  }
  return row;
};
