import { DomainFailure, type EnvelopeView, envelopeAddress } from '@redress/core';
import { findFacilityById, listAliases, listIdentifiers, listPlacements } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { loadPersonAccess } from '../people/person-access.js';
import { currentPlacementId } from '../people/person-presenters.js';

/**
 * The envelope address block for a person where they are held now, by the rules of the jurisdiction
 * that holds them; refused while their mail is on hold (a transfer not yet confirmed) or when the
 * record lacks what the mailroom needs. Seen by whoever may see the person (others: 404).
 */
export const getEnvelope = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
  personId: string,
): Promise<EnvelopeView> => {
  const db = deps.database.db;
  const { person } = await loadPersonAccess(db, ctx, personId);
  const placements = await listPlacements(db, personId);
  const currentId = currentPlacementId(placements);
  const current = placements.find((p) => p.id === currentId) ?? null;
  const facility = current?.facility_id ? await findFacilityById(db, current.facility_id) : undefined;
  const committed = (await listAliases(db, [personId])).find((a) => a.kind === 'committed_name');
  const identifiers = await listIdentifiers(db, [personId]);
  const result = envelopeAddress(
    {
      legalName: person.legal_name,
      committedName: committed?.name ?? null,
      identifiers: identifiers.map((i) => ({ system: i.system, value: i.value })),
      mailHold: person.mail_hold_since
        ? { since: person.mail_hold_since, reason: person.mail_hold_reason ?? '' }
        : null,
    },
    current
      ? {
          facilityName: current.facility_name,
          housing: current.housing,
          facility: facility
            ? {
                name: facility.name,
                jurisdiction: facility.jurisdiction,
                mailLine1: facility.mail_line1,
                mailCity: facility.mail_city,
                mailState: facility.mail_state,
                mailZip: facility.mail_zip,
                mailNote: facility.mail_note,
              }
            : null,
        }
      : null,
  );
  if (!result.ok) throw new DomainFailure(result.error);
  if (!facility) throw new Error('an envelope was addressed without a facility');
  return {
    personId,
    jurisdiction: result.value.jurisdiction,
    facility: { id: facility.id, code: facility.code, name: facility.name },
    identifier: result.value.identifier,
    lines: result.value.lines,
    legalMail: result.value.legalMail,
  };
};
