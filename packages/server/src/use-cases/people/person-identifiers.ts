import {
  type IdentifierInput,
  type IdentifierView,
  normaliseIdentifier,
  type UpdateIdentifierInput,
} from '@redress/core';
import {
  deleteIdentifier,
  type Executor,
  findIdentifier,
  findIdentifierHolder,
  insertIdentifiers,
  isUniqueViolation,
  updateIdentifier,
  type Viewer,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { identifierTaken, identifierTakenMessage } from './create-person.js';
import { loadPersonForWrite } from './person-access.js';
import { presentIdentifier } from './person-presenters.js';

const identifierNotFound = () => failWith('not_found', 'identifier.not_found', 'No such identifier');

/** 409 when the identifier is already recorded, for this person or another (one holder per system). */
const refuseTaken = async (
  tx: Executor,
  viewer: Viewer | null,
  personId: string,
  identifier: { system: IdentifierInput['system']; value: string },
  exceptId?: string,
) => {
  const holder = await findIdentifierHolder(tx, identifier.system, identifier.value);
  if (!holder || holder.id === exceptId) return;
  identifierTaken({
    value:
      holder.person_id === personId
        ? 'Already recorded for this person'
        : await identifierTakenMessage(tx, viewer, holder),
  });
};

const insertOrConflict = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) return identifierTaken({ value: 'Already recorded for another person' });
    throw e;
  }
};

export const addIdentifier = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: IdentifierInput,
): Promise<IdentifierView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId);
    await refuseTaken(tx, access.viewer, personId, input);
    const [row] = await insertOrConflict(() => insertIdentifiers(tx, [{ id: deps.newId(), personId, ...input }]));
    if (!row) throw new Error('identifier insert returned nothing');
    await audit({
      action: 'identifier.added',
      entityType: 'person_identifier',
      entityId: row.id,
      details: { personId, system: row.system, value: row.value },
    });
    return presentIdentifier(row);
  });

export const changeIdentifier = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  identifierId: string,
  input: UpdateIdentifierInput,
): Promise<IdentifierView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId);
    const before = (await findIdentifier(tx, personId, identifierId)) ?? identifierNotFound();
    const system = input.system ?? before.system;
    // A new system re-checks the old value against its format.
    const checked = normaliseIdentifier(system, input.value ?? before.value);
    if (!checked.ok)
      return failWith('invalid', 'request.invalid', 'Some fields are not valid', { value: checked.message });
    await refuseTaken(tx, access.viewer, personId, { system, value: checked.value }, identifierId);
    const row = await insertOrConflict(() =>
      updateIdentifier(tx, identifierId, {
        system,
        value: checked.value,
        ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
      }),
    );
    await audit({
      action: 'identifier.updated',
      entityType: 'person_identifier',
      entityId: identifierId,
      details: {
        personId,
        from: { system: before.system, value: before.value },
        to: { system: row.system, value: row.value },
      },
    });
    return presentIdentifier(row);
  });

export const removeIdentifier = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  identifierId: string,
): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId);
    const row = (await findIdentifier(tx, personId, identifierId)) ?? identifierNotFound();
    await deleteIdentifier(tx, identifierId);
    await audit({
      action: 'identifier.removed',
      entityType: 'person_identifier',
      entityId: identifierId,
      details: { personId, system: row.system, value: row.value },
    });
  });
