import type { CalendarDate } from '../case-file/calendar-date.js';
import { type IdentifierSystem, normaliseIdentifier } from '../case-file/identifiers.js';
import { type DomainError, domainError, type Result } from '../errors.js';

/**
 * How a letter to a client in custody is addressed, by jurisdiction, and how legal mail is marked so
 * that the mailroom opens it only in the client's presence.
 *
 * - CDCR (cdcr.ca.gov, "How to Contact an Incarcerated Person"): full name and CDC number / institution
 *   name / P.O. Box and housing / city, CA ZIP. The incarcerated person's address is usually not the
 *   institution's street address.
 * - BOP (the facility's "inmate mail" address on bop.gov): committed name / register number / facility /
 *   P.O. Box / city, state ZIP.
 *
 * The name on the envelope is the name the department holds the person under: the committed name when
 * one is recorded, the legal name otherwise (the mailroom matches the number and that name).
 */

export type EnvelopeJurisdiction = 'CA' | 'US';

export type EnvelopeFacility = {
  name: string;
  jurisdiction: 'CA' | 'US' | 'county' | 'other';
  mailLine1: string | null;
  mailCity: string | null;
  mailState: string | null;
  mailZip: string | null;
  /** Shown when the lines are missing: e.g. the P.O. Box depends on the yard. */
  mailNote: string | null;
};

export type EnvelopePlacement = {
  /** The name on the placement, shown when it is not linked to a directory entry. */
  facilityName: string;
  housing: string | null;
  facility: EnvelopeFacility | null;
};

export type EnvelopePerson = {
  legalName: string;
  committedName: string | null;
  identifiers: readonly { system: IdentifierSystem; value: string }[];
  mailHold: { since: CalendarDate; reason: string } | null;
};

export type LegalMailRule = {
  /** What goes on the face of the envelope. */
  marking: string;
  authority: string;
  /** What the return address must show for the mail to be treated as legal mail. */
  senderRule: string;
};

export const LEGAL_MAIL_RULES: Record<EnvelopeJurisdiction, LegalMailRule> = {
  CA: {
    marking: 'CONFIDENTIAL LEGAL MAIL',
    authority: '15 CCR §§ 3141–3142',
    senderRule:
      "The return address must show the attorney's name and title and the address on record with the State Bar; " +
      'without them the mailroom treats the letter as ordinary mail.',
  },
  US: {
    marking: 'SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE',
    authority: '28 CFR §§ 540.18–540.19',
    senderRule:
      "The return address must show the attorney's name and that they are an attorney; mail from an assistant or " +
      'law student is sent from the attorney, to the attention of the assistant.',
  },
};

const IDENTIFIER_OF: Record<EnvelopeJurisdiction, 'cdcr' | 'bop'> = { CA: 'cdcr', US: 'bop' };
const IDENTIFIER_NAME: Record<EnvelopeJurisdiction, string> = { CA: 'CDCR number', US: 'BOP register number' };

export type EnvelopeAddress = {
  jurisdiction: EnvelopeJurisdiction;
  identifier: { system: 'cdcr' | 'bop'; value: string };
  /** The address block, top to bottom. */
  lines: string[];
  legalMail: LegalMailRule;
};

const failure = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });

/** The mail hold is set when a transfer is learned and lifted when the new address is confirmed. */
const mailHoldError = (hold: { since: CalendarDate; reason: string }): DomainError =>
  domainError(
    'conflict',
    'mail.hold',
    `Mail to this person is on hold since ${hold.since}: ${hold.reason || 'no reason recorded'}. ` +
      'Confirm the new address before writing.',
  );

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

const formatIdentifier = (system: 'cdcr' | 'bop', raw: string): string => {
  const checked = normaliseIdentifier(system, raw);
  return checked.ok ? checked.value : raw.trim();
};

/** The address block for a letter to the person where they are held now, or why there is none. */
export const envelopeAddress = (
  person: EnvelopePerson,
  placement: EnvelopePlacement | null,
): Result<EnvelopeAddress> => {
  if (person.mailHold) return failure(mailHoldError(person.mailHold));
  if (!placement) {
    return failure(domainError('unprocessable', 'envelope.no_placement', 'There is no current custody placement'));
  }
  const facility = placement.facility;
  if (!facility) {
    return failure(
      domainError(
        'unprocessable',
        'envelope.no_mailing_address',
        `${placement.facilityName} is not linked to the facility directory, so its mailing address is unknown`,
      ),
    );
  }
  if (facility.jurisdiction !== 'CA' && facility.jurisdiction !== 'US') {
    return failure(
      domainError(
        'unprocessable',
        'envelope.unsupported_jurisdiction',
        'Envelopes are addressed by the CDCR and BOP rules only; address this facility by hand',
      ),
    );
  }
  const jurisdiction: EnvelopeJurisdiction = facility.jurisdiction;
  if (!present(facility.mailCity) || !present(facility.mailState) || !present(facility.mailZip)) {
    const note = present(facility.mailNote) ? ` ${facility.mailNote}` : '';
    return failure(
      domainError(
        'unprocessable',
        'envelope.no_mailing_address',
        `The directory has no mailing address for incarcerated people at ${facility.name}.${note}`,
      ),
    );
  }
  const system = IDENTIFIER_OF[jurisdiction];
  const raw = person.identifiers.find((i) => i.system === system && present(i.value));
  if (!raw) {
    return failure(
      domainError(
        'unprocessable',
        'envelope.no_identifier',
        `There is no ${IDENTIFIER_NAME[jurisdiction]} on record for this person`,
      ),
    );
  }
  const identifier = { system, value: formatIdentifier(system, raw.value) };
  const name = (present(person.committedName) ? person.committedName : person.legalName).trim();
  const cityLine = `${facility.mailCity.trim()}, ${facility.mailState.trim()} ${facility.mailZip.trim()}`;
  const box = present(facility.mailLine1) ? facility.mailLine1.trim() : null;
  const lines =
    jurisdiction === 'CA'
      ? [
          `${name}, CDCR# ${identifier.value}`,
          facility.name,
          [box, present(placement.housing) ? placement.housing.trim() : null].filter(present).join(', '),
          cityLine,
        ]
      : [name, `Reg. No. ${identifier.value}`, facility.name, box ?? '', cityLine];
  return {
    ok: true,
    value: { jurisdiction, identifier, lines: lines.filter(present), legalMail: LEGAL_MAIL_RULES[jurisdiction] },
  };
};

export type EnvelopeSender = {
  attorneyName: string;
  /** e.g. "Attorney at Law": CDCR treats mail without the title as ordinary mail. */
  title: string;
  /** The address on record with the State Bar, one line each. */
  barAddressLines: readonly string[];
  /** An assistant or law student who wrote for the attorney (BOP: "attention of" the assistant). */
  assistantName?: string | null;
};

/** The return-address block that qualifies a letter as legal mail, or the fields it lacks. */
export const senderBlock = (sender: EnvelopeSender): Result<string[]> => {
  const details: Record<string, string> = {};
  if (!present(sender.attorneyName)) details.attorneyName = 'Required';
  if (!present(sender.title)) details.title = "Required: legal mail must show the attorney's title";
  const address = sender.barAddressLines.filter(present).map((l) => l.trim());
  if (address.length < 2) {
    details.barAddressLines = 'The address on the State Bar record: at least a street line and a city line';
  }
  if (Object.keys(details).length > 0) {
    return failure(
      domainError(
        'invalid',
        'envelope.sender_incomplete',
        'The return address would not qualify as legal mail',
        details,
      ),
    );
  }
  const attention = present(sender.assistantName) ? [`Attn: ${sender.assistantName.trim()}`] : [];
  return { ok: true, value: [`${sender.attorneyName.trim()}, ${sender.title.trim()}`, ...attention, ...address] };
};
