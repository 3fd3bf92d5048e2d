import { type PersonView, RESTRICTED_PARTY_ROLES } from '@redress/core';
import {
  type Executor,
  listAliases,
  listConvictionParties,
  listConvictions,
  listCounts,
  listIdentifiers,
  listMattersOfPerson,
  listPlacements,
  listSentenceEvents,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { loadPersonAccess, type PersonAccess } from './person-access.js';
import {
  currentPlacementId,
  presentAlias,
  presentConviction,
  presentIdentifier,
  presentMailHold,
  presentPlacement,
} from './person-presenters.js';

/**
 * The whole record of a person as the caller may see it. Victims and survivors are fetched only for
 * the legal team, and every response that shows them is audited (`person.restricted_read`) in the
 * same transaction.
 */
export const loadPersonView = async (tx: Executor, access: PersonAccess, audit: Audit): Promise<PersonView> => {
  const p = access.person;
  const aliases = await listAliases(tx, [p.id]);
  const identifiers = await listIdentifiers(tx, [p.id]);
  const placements = await listPlacements(tx, p.id);
  const convictions = await listConvictions(tx, p.id);
  const convictionIds = convictions.map((c) => c.id);
  const counts = await listCounts(tx, convictionIds);
  const parties = await listConvictionParties(tx, convictionIds, { includeRestricted: access.canReadRestricted });
  const events = await listSentenceEvents(tx, convictionIds);
  const matters = await listMattersOfPerson(tx, access.viewer, p.id);

  const restricted = parties.filter((party) => RESTRICTED_PARTY_ROLES.has(party.role));
  if (restricted.length > 0) await auditRestrictedRead(audit, p.id, restricted);

  const currentId = currentPlacementId(placements);
  return {
    id: p.id,
    externalId: p.external_id,
    legalName: p.legal_name,
    dateOfBirth: p.date_of_birth,
    gender: p.gender,
    preferredLanguage: p.preferred_language,
    status: p.status,
    phone: p.phone,
    email: p.email,
    mailingAddress: p.mailing_address,
    notes: p.notes,
    mailHold: presentMailHold(p),
    photoDocumentId: p.photo_document_id,
    createdBy: p.created_by,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    aliases: aliases.map(presentAlias),
    identifiers: identifiers.map(presentIdentifier),
    placements: placements.map((pl) => presentPlacement(pl, currentId)),
    convictions: convictions.map((c) => presentConviction(c, { counts, parties, events })),
    matters: matters.map((m) => ({
      id: m.id,
      type: m.type,
      title: m.title,
      stage: m.stage,
      outcome: m.outcome,
      openedOn: m.opened_on,
      closedOn: m.closed_on,
    })),
    viewer: {
      canWrite: access.canWrite,
      canReadRestricted: access.canReadRestricted,
      canWriteRestricted: access.canWriteRestricted,
    },
  };
};

/** Records that victims or survivors were shown: which convictions and how many, never the names. */
export const auditRestrictedRead = (audit: Audit, personId: string, shown: readonly { conviction_id: string }[]) =>
  audit({
    action: 'person.restricted_read',
    entityType: 'person',
    entityId: personId,
    details: {
      personId,
      convictionIds: [...new Set(shown.map((s) => s.conviction_id))],
      parties: shown.length,
      restricted: true,
    },
  });

export const getPerson = (deps: AppDeps, ctx: RequestContext, personId: string): Promise<PersonView> =>
  inTransaction(deps, ctx, async (tx, audit) => loadPersonView(tx, await loadPersonAccess(tx, ctx, personId), audit));
