import {
  type Action,
  DomainFailure,
  decide,
  domainError,
  isOrgWideReader,
  type Membership,
  type Role,
  scopePermits,
  type TokenScope,
} from '@redress/core';
import {
  type ConvictionRow,
  type Executor,
  findConviction,
  findPersonForViewer,
  type PersonRow,
  type Viewer,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { requireActor } from '../policy.js';

/**
 * Who may do what with a person's record. A person has no team of their own: access follows the
 * teams of the person's matters, decided by the core policy (`decide`) as for a matter.
 *
 * - read: `personIsVisible` (administrators and attorneys, the person's creator, the team of any of
 *   the person's matters). Anyone else gets 404, as for a record that does not exist.
 * - write: the team of any of the person's matters (`matter.write`), the organisation-wide readers who
 *   may open matters (`matter.create`: administrators and attorneys), or the person's creator.
 * - restricted fields (victims and survivors): the legal team of one of the person's matters
 *   (`matter.restricted.read` / `matter.restricted.write`); nobody else, administrators included.
 * - an API token must also carry the scope for the action (`write` for every change).
 */
export type PersonStanding = { role: Role; membership: Membership; isCreator: boolean };

const allowed = (role: Role, action: Action, membership: Membership) =>
  decide({ role, action, membership, isPrivileged: false }).allowed;

/** The named rule for changing a person's record (not its restricted fields). */
export const mayWritePerson = ({ role, membership, isCreator }: PersonStanding): boolean =>
  allowed(role, 'matter.write', membership) ||
  (isOrgWideReader(role) && allowed(role, 'matter.create', membership)) ||
  isCreator;

/** The named rule for seeing victims and survivors. */
export const mayReadRestrictedPersonFields = ({ role, membership }: PersonStanding): boolean =>
  allowed(role, 'matter.restricted.read', membership);

/** The named rule for adding, changing or removing victims and survivors. */
export const mayWriteRestrictedPersonFields = (standing: PersonStanding): boolean =>
  mayWritePerson(standing) && allowed(standing.role, 'matter.restricted.write', standing.membership);

export type PersonAccess = {
  person: PersonRow;
  /** Null for the operator at the command line. */
  viewer: Viewer | null;
  canWrite: boolean;
  canReadRestricted: boolean;
  canWriteRestricted: boolean;
};

/** Who reads: a user, or (null) the operator, who holds the data directory and passes every rule. */
export const viewerOf = (ctx: RequestContext): Viewer | null => {
  if (!ctx.actor && ctx.operator) return null;
  const actor = requireActor(ctx);
  return { userId: actor.userId, role: actor.role };
};

const scopeAllows = (scopes: readonly TokenScope[] | null, action: Action) =>
  scopes === null || scopePermits(scopes, action);

export const personNotFound = () => domainError('not_found', 'person.not_found', 'No such person');

/**
 * Loads the person the caller may see, with what they may do to it; 404 when they may not see it.
 * `forUpdate` locks the person's row until the transaction ends (placements, mail hold).
 */
export const loadPersonAccess = async (
  db: Executor,
  ctx: RequestContext,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonAccess> => {
  const viewer = viewerOf(ctx);
  const row = await findPersonForViewer(db, viewer, personId, options);
  if (!row) throw new DomainFailure(personNotFound());
  const { is_on_team, is_on_legal_team, ...person } = row;
  if (!viewer) return { person, viewer, canWrite: true, canReadRestricted: true, canWriteRestricted: true };
  const scopes = ctx.actor?.scopes ?? null;
  if (!scopeAllows(scopes, 'matter.read')) {
    throw new DomainFailure(domainError('forbidden', 'access.denied', 'This API token lacks the scope for that'));
  }
  const standing: PersonStanding = {
    role: viewer.role,
    membership: is_on_legal_team ? 'legal_team' : is_on_team ? 'team' : 'none',
    isCreator: person.created_by === viewer.userId,
  };
  return {
    person,
    viewer,
    canWrite: mayWritePerson(standing) && scopeAllows(scopes, 'matter.write'),
    canReadRestricted: mayReadRestrictedPersonFields(standing) && scopeAllows(scopes, 'matter.restricted.read'),
    canWriteRestricted: mayWriteRestrictedPersonFields(standing) && scopeAllows(scopes, 'matter.restricted.write'),
  };
};

/** Refuses a change by someone who may see the person but not change it (403: existence is known). */
export const requirePersonWrite = (access: PersonAccess): void => {
  if (!access.canWrite) {
    throw new DomainFailure(
      domainError('forbidden', 'access.denied', "You may see this person but not change the person's record"),
    );
  }
};

/** Refuses a change to victims or survivors by anyone outside the legal team. */
export const requireRestrictedWrite = (access: PersonAccess, field: string): void => {
  requirePersonWrite(access);
  if (!access.canWriteRestricted) {
    throw new DomainFailure(
      domainError(
        'forbidden',
        'access.restricted',
        "Victims and survivors are recorded only by the legal team of one of the person's matters",
        { [field]: 'Restricted to the legal team' },
      ),
    );
  }
};

/** Loads and checks write access in one step: the usual start of a change. */
export const loadPersonForWrite = async (
  db: Executor,
  ctx: RequestContext,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonAccess> => {
  const access = await loadPersonAccess(db, ctx, personId, options);
  requirePersonWrite(access);
  return access;
};

export type ConvictionAccess = { conviction: ConvictionRow; access: PersonAccess };

/**
 * A conviction is seen and changed as part of its person's record: 404 when the person is hidden.
 * `forUpdate` locks the conviction (its sentence history is checked as a whole).
 */
export const loadConvictionAccess = async (
  db: Executor,
  ctx: RequestContext,
  convictionId: string,
  options: { forUpdate?: boolean; write?: boolean } = {},
): Promise<ConvictionAccess> => {
  const conviction = await findConviction(db, convictionId, options);
  const notFound = () => new DomainFailure(domainError('not_found', 'conviction.not_found', 'No such conviction'));
  if (!conviction) throw notFound();
  let access: PersonAccess;
  try {
    access = await loadPersonAccess(db, ctx, conviction.person_id);
  } catch (e) {
    if (e instanceof DomainFailure && e.error.code === 'person.not_found') throw notFound();
    throw e;
  }
  if (options.write) requirePersonWrite(access);
  return { conviction, access };
};
