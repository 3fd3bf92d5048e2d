import type { AliasInput, AliasView, UpdateAliasInput } from '@redress/core';
import { deleteAlias, findAlias, insertAliases, updateAlias } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonForWrite } from './person-access.js';
import { presentAlias } from './person-presenters.js';

const aliasNotFound = () => failWith('not_found', 'alias.not_found', 'No such alias');

export const addAlias = (deps: AppDeps, ctx: RequestContext, personId: string, input: AliasInput): Promise<AliasView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId);
    const [alias] = await insertAliases(tx, [{ id: deps.newId(), personId, name: input.name, kind: input.kind }]);
    if (!alias) throw new Error('alias insert returned nothing');
    await audit({
      action: 'alias.added',
      entityType: 'person_alias',
      entityId: alias.id,
      details: { personId, name: alias.name, kind: alias.kind },
    });
    return presentAlias(alias);
  });

export const changeAlias = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  aliasId: string,
  input: UpdateAliasInput,
): Promise<AliasView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId);
    const before = (await findAlias(tx, personId, aliasId)) ?? aliasNotFound();
    const alias = await updateAlias(tx, aliasId, input);
    await audit({
      action: 'alias.updated',
      entityType: 'person_alias',
      entityId: aliasId,
      details: { personId, from: { name: before.name, kind: before.kind }, to: { name: alias.name, kind: alias.kind } },
    });
    return presentAlias(alias);
  });

export const removeAlias = (deps: AppDeps, ctx: RequestContext, personId: string, aliasId: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId);
    const alias = (await findAlias(tx, personId, aliasId)) ?? aliasNotFound();
    await deleteAlias(tx, aliasId);
    await audit({
      action: 'alias.removed',
      entityType: 'person_alias',
      entityId: aliasId,
      details: { personId, name: alias.name, kind: alias.kind },
    });
  });
