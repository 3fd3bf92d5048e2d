import { type AddPartyInput, normaliseName, type PartyView } from '@redress/core';
import { deleteParty, insertParty, listParties } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadMatterFor } from './matter-access.js';
import { presentParty } from './presenters.js';

export type { AddPartyInput };

// Parties named on a matter (adverse parties, witnesses): read with the matter, written by its team.

export const listMatterParties = async (deps: AppDeps, ctx: RequestContext, matterId: string) => {
  const db = deps.database.db;
  await loadMatterFor(db, ctx, matterId, 'matter.read');
  return { items: (await listParties(db, matterId)).map(presentParty) };
};

export const addMatterParty = (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  input: AddPartyInput,
): Promise<PartyView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadMatterFor(tx, ctx, matterId, 'matter.write');
    const party = await insertParty(tx, {
      id: deps.newId(),
      matter_id: matterId,
      role: input.role,
      name: input.name,
      name_search: normaliseName(input.name),
    });
    await audit({
      action: 'party.added',
      entityType: 'matter',
      entityId: matterId,
      details: { partyId: party.id, role: party.role, name: party.name },
    });
    return presentParty(party);
  });

export const removeMatterParty = (deps: AppDeps, ctx: RequestContext, matterId: string, partyId: string) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadMatterFor(tx, ctx, matterId, 'matter.write');
    const removed = await deleteParty(tx, matterId, partyId);
    if (!removed) return failWith('not_found', 'party.not_found', 'No such party on this matter');
    await audit({
      action: 'party.removed',
      entityType: 'matter',
      entityId: matterId,
      details: { partyId, role: removed.role, name: removed.name },
    });
  });
