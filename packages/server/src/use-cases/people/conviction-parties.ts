import {
  type ConvictionPartyInput,
  type ConvictionPartyView,
  RESTRICTED_PARTY_ROLES,
  type UpdateConvictionPartyInput,
} from '@redress/core';
import {
  type ConvictionPartyRow,
  deleteConvictionParty,
  type Executor,
  findConvictionParty,
  insertConvictionParties,
  updateConvictionParty,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadConvictionAccess, type PersonAccess, requireRestrictedWrite } from './person-access.js';
import { presentParty } from './person-presenters.js';

/**
 * Victims, survivors and co-defendants of a conviction. Co-defendants are part of the ordinary
 * record; victims and survivors are restricted: outside the legal team they do not exist (404), and
 * their audit entries carry neither names nor notes and are marked restricted.
 */
const isRestricted = (role: ConvictionPartyRow['role']) => RESTRICTED_PARTY_ROLES.has(role);

const partyNotFound = () => failWith('not_found', 'conviction_party.not_found', 'No such party');

const findVisibleParty = async (tx: Executor, access: PersonAccess, convictionId: string, partyId: string) => {
  const party = await findConvictionParty(tx, convictionId, partyId);
  if (!party || (isRestricted(party.role) && !access.canReadRestricted)) return partyNotFound();
  return party;
};

const auditParty = (
  audit: Audit,
  action: string,
  party: ConvictionPartyRow,
  personId: string,
  extra: Record<string, unknown> = {},
) =>
  audit({
    action,
    entityType: 'conviction_party',
    entityId: party.id,
    details: isRestricted(party.role)
      ? { personId, convictionId: party.conviction_id, role: party.role, restricted: true, ...extra }
      : { personId, convictionId: party.conviction_id, role: party.role, name: party.name, ...extra },
  });

export const addConvictionParty = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  input: ConvictionPartyInput,
): Promise<ConvictionPartyView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { access } = await loadConvictionAccess(tx, ctx, convictionId, { write: true });
    if (isRestricted(input.role)) requireRestrictedWrite(access, 'role');
    const [party] = await insertConvictionParties(tx, convictionId, [
      { id: deps.newId(), role: input.role, name: input.name, notify: input.notify, notes: input.notes ?? null },
    ]);
    if (!party) throw new Error('party insert returned nothing');
    await auditParty(audit, 'conviction_party.added', party, access.person.id);
    return presentParty(party);
  });

export const changeConvictionParty = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  partyId: string,
  input: UpdateConvictionPartyInput,
): Promise<ConvictionPartyView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { access } = await loadConvictionAccess(tx, ctx, convictionId, { write: true });
    const before = await findVisibleParty(tx, access, convictionId, partyId);
    if (isRestricted(before.role) || (input.role !== undefined && isRestricted(input.role))) {
      requireRestrictedWrite(access, 'role');
    }
    const party = await updateConvictionParty(tx, partyId, input);
    await auditParty(audit, 'conviction_party.updated', party, access.person.id, {
      changed: Object.keys(input),
      // A co-defendant turned victim is restricted from now on: the entry does not name them either.
      ...(isRestricted(party.role) ? { restricted: true } : {}),
    });
    return presentParty(party);
  });

export const removeConvictionParty = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  partyId: string,
): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { access } = await loadConvictionAccess(tx, ctx, convictionId, { write: true });
    const party = await findVisibleParty(tx, access, convictionId, partyId);
    if (isRestricted(party.role)) requireRestrictedWrite(access, 'role');
    await deleteConvictionParty(tx, partyId);
    await auditParty(audit, 'conviction_party.removed', party, access.person.id);
  });
