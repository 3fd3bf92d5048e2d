import { describe, expect, it } from 'vitest';
import {
  BLANK_FIELD,
  buildLetterPayload,
  type EnvelopeAddress,
  findUnknownFields,
  formatLetterDate,
  LEGAL_MAIL_RULES,
  LETTER_TEMPLATE_KEYS,
  type LetterPayloadInput,
  letterFields,
} from '../src/index.js';

const envelope: EnvelopeAddress = {
  jurisdiction: 'CA',
  identifier: { system: 'cdcr', value: 'C98556' },
  lines: [
    'Marcus Allen Reed, CDCR# C98556',
    'Salinas Valley State Prison',
    'P.O. Box 1050, D-5-112',
    'Soledad, CA 93960-1050',
  ],
  legalMail: LEGAL_MAIL_RULES.CA,
};

const input = (over: Partial<LetterPayloadInput> = {}): LetterPayloadInput => ({
  template: 'acknowledgement',
  language: 'en',
  today: '2026-03-05',
  organisationName: 'Northern California Innocence Project',
  person: { name: 'Marcus Allen Reed', facilityName: 'Salinas Valley State Prison', housing: 'D-5-112' },
  envelope,
  intake: { reference: 'IN-2026-00042', name: null },
  sender: {
    name: 'Dolores Ibáñez',
    title: 'Attorney at Law',
    barNumber: '287654',
    barState: 'CA',
    addressLines: ['1625 Clay Street', 'Oakland, CA 94612'],
    phone: null,
    email: 'd@example.org',
  },
  legalMailSender: null,
  ...over,
});

describe('the letter field catalogue', () => {
  it('gives every template the common fields and its own', () => {
    for (const key of LETTER_TEMPLATE_KEYS) {
      const names = letterFields(key).map((f) => f.name);
      expect(names).toEqual(
        expect.arrayContaining(['person_name', 'person_number', 'facility_name', 'today', 'sender_name']),
      );
      expect(new Set(names).size).toBe(names.length);
      for (const f of letterFields(key)) expect(f.description.length).toBeGreaterThan(5);
    }
    expect(letterFields('attorney_visit_request').map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'visitor_name',
        'visitor_dob',
        'visitor_id_number',
        'visitor_bar_number',
        'visitor_bar_status',
      ]),
    );
    expect(letterFields('decline_referral').map((f) => f.name)).toContain('referral_organisation');
  });

  it.each([
    [['person_name', 'today'], 'acknowledgement', []],
    [['person_name', 'foo', 'foo', ' bar '], 'acknowledgement', ['foo', 'bar']],
    [['documents_requested'], 'acknowledgement', ['documents_requested']],
    [['documents_requested'], 'request_documents', []],
  ] as const)('findUnknownFields(%j, %s) = %j', (tags, template, unknown) => {
    expect(findUnknownFields(tags, template)).toEqual(unknown);
  });
});

describe('formatLetterDate', () => {
  it.each([
    ['2026-03-05', 'en', 'March 5, 2026'],
    ['2026-03-05', 'es', '5 de marzo de 2026'],
    ['2026-12-31', 'es', '31 de diciembre de 2026'],
    ['next Tuesday', 'en', 'next Tuesday'],
  ] as const)('%s in %s is %s', (date, language, expected) => {
    expect(formatLetterDate(date, language)).toBe(expected);
  });
});

describe('buildLetterPayload', () => {
  it('fills the fields from the record and prints a rule for what is unknown', () => {
    const result = buildLetterPayload(input());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fields).toMatchObject({
      person_name: 'Marcus Allen Reed',
      person_first_name: 'Marcus',
      person_number: 'C98556',
      person_number_label: 'CDCR#',
      facility_name: 'Salinas Valley State Prison',
      today: 'March 5, 2026',
      intake_reference: 'IN-2026-00042',
      sender_name: 'Dolores Ibáñez',
      sender_title: 'Attorney at Law',
      address_block: envelope.lines.join('\n'),
      letter_date: BLANK_FIELD,
    });
    expect(result.value.missing).toEqual(['sender_phone', 'letter_date']);
    expect(result.value.letterhead).toEqual({
      organisation: 'Northern California Innocence Project',
      senderLines: [],
      marking: null,
    });
  });

  it('lets staff fill and override fields, and formats dates in the letter language', () => {
    const result = buildLetterPayload(
      input({
        language: 'es',
        template: 'visit_confirmation',
        fields: { visit_date: '2026-04-10', visitor_name: 'Ana' },
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fields.visit_date).toBe('10 de abril de 2026');
    expect(result.value.fields.visitor_name).toBe('Ana');
    expect(result.value.fields.today).toBe('5 de marzo de 2026');
  });

  it('puts the attorney block and the marking on legal mail', () => {
    const lines = ['Dolores Ibáñez, Attorney at Law', '1625 Clay Street', 'Oakland, CA 94612'];
    const result = buildLetterPayload(input({ legalMailSender: lines }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.letterhead).toMatchObject({ senderLines: lines, marking: 'CONFIDENTIAL LEGAL MAIL' });
    const bop = buildLetterPayload(
      input({ legalMailSender: lines, envelope: { ...envelope, jurisdiction: 'US', legalMail: LEGAL_MAIL_RULES.US } }),
    );
    expect(bop.ok && bop.value.letterhead.marking).toBe('SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE');
    expect(bop.ok && bop.value.fields.person_number_label).toBe('Reg. No.');
  });

  it('refuses a typed field outside the catalogue, and legal mail without an envelope', () => {
    const unknown = buildLetterPayload(input({ fields: { shoe_size: '9' } }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'letter.unknown_field', category: 'invalid' } });
    expect(!unknown.ok && unknown.error.message).toContain('{shoe_size}');
    const noEnvelope = buildLetterPayload(input({ envelope: null, legalMailSender: ['A, Attorney at Law', 'x', 'y'] }));
    expect(noEnvelope).toMatchObject({ ok: false, error: { code: 'letter.legal_mail_needs_envelope' } });
  });
});
