import { readFile } from 'node:fs/promises';
import {
  buildLetterPayload,
  type DomainError,
  domainError,
  type EnvelopeAddress,
  type EnvelopeFacility,
  envelopeAddress,
  LETTER_TEMPLATE_TITLES,
  type LetterPayload,
  type LetterSender,
  type LetterTemplateKey,
  ok,
  type Result,
  senderBlock,
} from '@redress/core';
import {
  type Executor,
  type FacilityRow,
  findAttorneyProfile,
  findFacilityById,
  findIntakeForLetter,
  findLetterTemplate,
  findOrganisation,
  findPersonForViewer,
  findUserById,
  listAliases,
  listIdentifiers,
  listPlacements,
  readDocumentBytes,
} from '@redress/db';
import type { AppDeps } from '../deps.js';
import { currentPlacementId } from '../use-cases/people/person-presenters.js';
import { mergeLetterTemplate } from './merge-template.js';
import { docxParagraphs, renderLetterPdf } from './render-letter-pdf.js';

export type LetterRequest = {
  template: LetterTemplateKey;
  language: 'en' | 'es';
  personId: string | null;
  intakeId: string | null;
  senderUserId: string | null;
  fields?: Record<string, string>;
  legalMail: boolean;
};

export type ComposedLetter = {
  docx: Uint8Array;
  pdf: Uint8Array;
  envelope: EnvelopeAddress | null;
  /** The return address: the attorney's name and title, then the State Bar address. */
  sender: string[] | null;
  /** The jurisdiction's legal-mail marking, for legal mail. */
  marking: string | null;
  payload: LetterPayload;
};

const failure = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });

/** The default templates shipped with the server (templates/letters/<key>.<lang>.docx). */
const DEFAULT_TEMPLATES = new URL('../../templates/letters/', import.meta.url);
const defaults = new Map<string, Promise<Uint8Array>>();

export const defaultTemplateBytes = (key: LetterTemplateKey, language: 'en' | 'es'): Promise<Uint8Array> => {
  const name = `${key}.${language}.docx`;
  let bytes = defaults.get(name);
  if (!bytes) {
    bytes = readFile(new URL(name, DEFAULT_TEMPLATES)).then((b) => new Uint8Array(b));
    defaults.set(name, bytes);
    bytes.catch(() => defaults.delete(name));
  }
  return bytes;
};

/** The template in use: an uploaded replacement, else the default. */
export const letterTemplateBytes = async (
  tx: Executor,
  key: LetterTemplateKey,
  language: 'en' | 'es',
): Promise<{ bytes: Uint8Array; isCustom: boolean }> => {
  const custom = await findLetterTemplate(tx, key, language);
  const bytes = custom ? await readDocumentBytes(tx, custom.document_id) : undefined;
  return bytes ? { bytes, isCustom: true } : { bytes: await defaultTemplateBytes(key, language), isCustom: false };
};

const facilityForEnvelope = (f: FacilityRow): EnvelopeFacility => ({
  name: f.name,
  jurisdiction: f.jurisdiction,
  mailLine1: f.mail_line1,
  mailCity: f.mail_city,
  mailState: f.mail_state,
  mailZip: f.mail_zip,
  mailNote: f.mail_note,
});

type Addressee = {
  name: string;
  facilityName: string | null;
  housing: string | null;
  envelope: Result<EnvelopeAddress>;
};

/** The person where they are held now, with their envelope (or why there is none). */
const gatherPerson = async (tx: Executor, personId: string): Promise<Result<Addressee>> => {
  const person = await findPersonForViewer(tx, null, personId);
  if (!person) return failure(domainError('not_found', 'person.not_found', 'No such person'));
  const placements = await listPlacements(tx, personId);
  const currentId = currentPlacementId(placements);
  const current = placements.find((p) => p.id === currentId) ?? null;
  const facility = current?.facility_id ? await findFacilityById(tx, current.facility_id) : undefined;
  const committed = (await listAliases(tx, [personId])).find((a) => a.kind === 'committed_name');
  const identifiers = await listIdentifiers(tx, [personId]);
  const envelope = envelopeAddress(
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
          facility: facility ? facilityForEnvelope(facility) : null,
        }
      : null,
  );
  return ok({
    name: committed?.name ?? person.legal_name,
    facilityName: facility?.name ?? current?.facility_name ?? null,
    housing: current?.housing ?? null,
    envelope,
  });
};

/** An applicant not yet on record as a person: addressed from the number and facility on the intake. */
const gatherApplicant = async (
  tx: Executor,
  intake: NonNullable<Awaited<ReturnType<typeof findIntakeForLetter>>>,
): Promise<Addressee> => {
  const facility = intake.facility_id ? await findFacilityById(tx, intake.facility_id) : undefined;
  const system = intake.number_system === 'cdcr' || intake.number_system === 'bop' ? intake.number_system : null;
  const envelope = envelopeAddress(
    {
      legalName: intake.applicant_name ?? '',
      committedName: null,
      identifiers: system && intake.prisoner_number ? [{ system, value: intake.prisoner_number }] : [],
      mailHold: null,
    },
    facility ? { facilityName: facility.name, housing: null, facility: facilityForEnvelope(facility) } : null,
  );
  return { name: intake.applicant_name ?? '', facilityName: facility?.name ?? null, housing: null, envelope };
};

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Gathers the person (visibility is the caller's job), the envelope (mail hold → fail 'mail.hold' with
 * the reason), the sender's attorney profile, the template (an uploaded replacement or the default),
 * merges and renders.
 */
export const composeLetter = async (
  deps: Pick<AppDeps, 'clock'>,
  tx: Executor,
  req: LetterRequest,
): Promise<Result<ComposedLetter>> => {
  const organisationName = (await findOrganisation(tx))?.name ?? 'Redress';

  const intake = req.intakeId ? await findIntakeForLetter(tx, req.intakeId) : undefined;
  if (req.intakeId && !intake) return failure(domainError('not_found', 'intake.not_found', 'No such intake'));
  const personId = req.personId ?? intake?.person_id ?? null;

  let addressee: Addressee | null = null;
  if (personId) {
    const gathered = await gatherPerson(tx, personId);
    if (!gathered.ok) return gathered;
    addressee = gathered.value;
  } else if (intake) {
    addressee = await gatherApplicant(tx, intake);
  }
  let envelope: EnvelopeAddress | null = null;
  if (addressee) {
    if (addressee.envelope.ok) envelope = addressee.envelope.value;
    else if (addressee.envelope.error.code === 'mail.hold' || req.legalMail) return addressee.envelope;
  } else if (req.legalMail) {
    return failure(
      domainError(
        'invalid',
        'letter.no_recipient',
        'Legal mail is written to a person or an intake: give personId or intakeId',
      ),
    );
  }

  // The sender: the attorney profile when there is one, else the user's name.
  let sender: LetterSender | null = null;
  let returnAddress: string[] | null = null;
  let legalMailSender: string[] | null = null;
  if (req.senderUserId) {
    const user = await findUserById(tx, req.senderUserId);
    if (!user) return failure(domainError('not_found', 'user.not_found', 'No such sender'));
    const profile = await findAttorneyProfile(tx, user.id);
    sender = {
      name: profile?.display_name ?? user.name,
      title: profile?.title ?? null,
      barNumber: profile?.bar_number ?? null,
      barState: profile?.bar_state ?? null,
      addressLines: profile?.bar_address_lines ?? [],
      phone: profile?.phone ?? null,
      email: profile?.email ?? user.email,
    };
    const block = profile
      ? senderBlock({
          attorneyName: profile.display_name,
          title: profile.title,
          barAddressLines: profile.bar_address_lines,
        })
      : null;
    if (block?.ok) returnAddress = block.value;
    if (req.legalMail) {
      if (!profile) {
        return failure(
          domainError(
            'unprocessable',
            'letter.no_attorney_profile',
            `${user.name} has no attorney profile: legal mail needs the attorney's name, title and State Bar address`,
          ),
        );
      }
      if (!block?.ok) return block ?? failure(domainError('unprocessable', 'envelope.sender_incomplete', 'Incomplete'));
      legalMailSender = block.value;
    }
  } else if (req.legalMail) {
    return failure(
      domainError('invalid', 'letter.sender_required', 'Legal mail is sent from an attorney: give senderUserId', {
        senderUserId: 'Required for legal mail',
      }),
    );
  }

  const fields: Record<string, string> = { ...(req.fields ?? {}) };
  if (req.template === 'decline_referral' && intake) {
    if (!fields.decline_reason && intake.decision_reason) fields.decline_reason = intake.decision_reason;
    if (!fields.referral_organisation && intake.referral_organisation) {
      fields.referral_organisation = intake.referral_organisation;
    }
  }
  const payload = buildLetterPayload({
    template: req.template,
    language: req.language,
    today: todayOf(deps.clock.now()),
    organisationName,
    person: addressee
      ? { name: addressee.name, facilityName: addressee.facilityName, housing: addressee.housing }
      : null,
    envelope,
    intake: intake ? { reference: intake.reference, name: intake.applicant_name } : null,
    sender,
    legalMailSender,
    fields,
  });
  if (!payload.ok) return payload;

  const template = await letterTemplateBytes(tx, req.template, req.language);
  const docx = mergeLetterTemplate(template.bytes, payload.value);
  if (!docx.ok) return docx;
  const pdf = await renderLetterPdf({
    paragraphs: docxParagraphs(docx.value),
    letterhead: payload.value.letterhead,
    language: req.language,
    title: `${LETTER_TEMPLATE_TITLES[req.template]}: ${payload.value.fields.person_name ?? ''}`,
  });
  return ok({
    docx: docx.value,
    pdf,
    envelope,
    sender: legalMailSender ?? returnAddress ?? [organisationName],
    marking: payload.value.letterhead.marking,
    payload: payload.value,
  });
};
