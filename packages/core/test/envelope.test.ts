import { describe, expect, it } from 'vitest';
import {
  type EnvelopeFacility,
  type EnvelopePerson,
  type EnvelopePlacement,
  envelopeAddress,
  LEGAL_MAIL_RULES,
  senderBlock,
} from '../src/correspondence/envelope.js';

const pelicanBay: EnvelopeFacility = {
  name: 'Pelican Bay State Prison',
  jurisdiction: 'CA',
  mailLine1: 'P.O. Box 7500',
  mailCity: 'Crescent City',
  mailState: 'CA',
  mailZip: '95532',
  mailNote: null,
};
const sanQuentin: EnvelopeFacility = {
  name: 'San Quentin Rehabilitation Center',
  jurisdiction: 'CA',
  mailLine1: null,
  mailCity: 'San Quentin',
  mailState: 'CA',
  mailZip: '94974',
  mailNote: 'No P.O. Box.',
};
const beaumontLow: EnvelopeFacility = {
  name: 'FCI Beaumont Low',
  jurisdiction: 'US',
  mailLine1: 'P.O. Box 26020',
  mailCity: 'Beaumont',
  mailState: 'TX',
  mailZip: '77720',
  mailNote: null,
};
const kernValley: EnvelopeFacility = {
  name: 'Kern Valley State Prison',
  jurisdiction: 'CA',
  mailLine1: null,
  mailCity: null,
  mailState: null,
  mailZip: null,
  mailNote: 'The P.O. Box depends on the facility (yard): Facility A, P.O. Box 5101.',
};
const countyJail: EnvelopeFacility = { ...pelicanBay, name: 'Main Jail', jurisdiction: 'county' };

const person = (over: Partial<EnvelopePerson> = {}): EnvelopePerson => ({
  legalName: 'Marcus Allen Reed',
  committedName: null,
  identifiers: [{ system: 'cdcr', value: 'c-98556' }],
  mailHold: null,
  ...over,
});
const at = (facility: EnvelopeFacility | null, housing: string | null = null): EnvelopePlacement => ({
  facilityName: facility?.name ?? 'Some Prison',
  housing,
  facility,
});

describe('envelope address block', () => {
  const addressed: [string, EnvelopePerson, EnvelopePlacement, string[]][] = [
    [
      'CDCR: name and CDCR#, institution, P.O. Box with housing, city',
      person(),
      at(pelicanBay, 'D-5-112'),
      [
        'Marcus Allen Reed, CDCR# C98556',
        'Pelican Bay State Prison',
        'P.O. Box 7500, D-5-112',
        'Crescent City, CA 95532',
      ],
    ],
    [
      'CDCR without housing: the box alone',
      person(),
      at(pelicanBay),
      ['Marcus Allen Reed, CDCR# C98556', 'Pelican Bay State Prison', 'P.O. Box 7500', 'Crescent City, CA 95532'],
    ],
    [
      'CDCR without a box (San Quentin): housing alone on the third line',
      person(),
      at(sanQuentin, 'North Block 4-N-12'),
      [
        'Marcus Allen Reed, CDCR# C98556',
        'San Quentin Rehabilitation Center',
        'North Block 4-N-12',
        'San Quentin, CA 94974',
      ],
    ],
    [
      'CDCR: the name the department holds (the committed name when recorded)',
      person({ committedName: 'Marcus Reed' }),
      at(pelicanBay),
      ['Marcus Reed, CDCR# C98556', 'Pelican Bay State Prison', 'P.O. Box 7500', 'Crescent City, CA 95532'],
    ],
    [
      'BOP: committed name, register number, facility, box, city',
      person({ committedName: 'MARCUS REED', identifiers: [{ system: 'bop', value: '12345678' }] }),
      at(beaumontLow, 'Unit 3B'),
      ['MARCUS REED', 'Reg. No. 12345-678', 'FCI Beaumont Low', 'P.O. Box 26020', 'Beaumont, TX 77720'],
    ],
    [
      'BOP without a committed name: the legal name',
      person({
        identifiers: [
          { system: 'cdcr', value: 'C98556' },
          { system: 'bop', value: '12345-678' },
        ],
      }),
      at(beaumontLow),
      ['Marcus Allen Reed', 'Reg. No. 12345-678', 'FCI Beaumont Low', 'P.O. Box 26020', 'Beaumont, TX 77720'],
    ],
  ];
  it.each(addressed)('%s', (_, p, placement, lines) => {
    const result = envelopeAddress(p, placement);
    expect(result.ok && result.value.lines).toEqual(lines);
  });

  it.each([
    ['CDCR', pelicanBay, 'CA', 'CONFIDENTIAL LEGAL MAIL', /3141/],
    ['BOP', beaumontLow, 'US', 'SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE', /540\.18/],
  ] as const)('%s: the legal-mail marking and its authority', (_, facility, jurisdiction, marking, authority) => {
    const p = person({
      identifiers: [
        { system: 'cdcr', value: 'C98556' },
        { system: 'bop', value: '12345-678' },
      ],
    });
    const result = envelopeAddress(p, at(facility));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ jurisdiction, legalMail: { marking } });
    expect(result.value.legalMail.authority).toMatch(authority);
    expect(result.value.legalMail).toBe(LEGAL_MAIL_RULES[jurisdiction]);
  });

  const refused: [string, EnvelopePerson, EnvelopePlacement | null, string, RegExp][] = [
    [
      'a mail hold, before anything else, naming its reason and date',
      person({ mailHold: { since: '2026-10-02', reason: 'Transfer learned; new address not confirmed' } }),
      at(pelicanBay),
      'mail.hold',
      /2026-10-02.*Transfer learned; new address not confirmed/,
    ],
    ['no current placement', person(), null, 'envelope.no_placement', /no current custody placement/],
    [
      'a placement outside the directory',
      person(),
      at(null),
      'envelope.no_mailing_address',
      /Some Prison is not linked to the facility directory/,
    ],
    [
      'a facility without a mailing address, with its note',
      person(),
      at(kernValley),
      'envelope.no_mailing_address',
      /Kern Valley State Prison\. The P\.O\. Box depends on the facility/,
    ],
    [
      'no CDCR number for a CDCR prison',
      person({ identifiers: [{ system: 'bop', value: '12345-678' }] }),
      at(pelicanBay),
      'envelope.no_identifier',
      /no CDCR number/,
    ],
    [
      'no register number for a BOP facility',
      person(),
      at(beaumontLow),
      'envelope.no_identifier',
      /no BOP register number/,
    ],
    ['a county jail', person(), at(countyJail), 'envelope.unsupported_jurisdiction', /CDCR and BOP/],
  ];
  it.each(refused)('refuses %s', (_, p, placement, code, message) => {
    const result = envelopeAddress(p, placement);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  it('answers a mail hold as a conflict and the missing pieces as unprocessable', () => {
    const hold = envelopeAddress(person({ mailHold: { since: '2026-10-02', reason: '' } }), at(pelicanBay));
    expect(!hold.ok && hold.error).toMatchObject({
      category: 'conflict',
      message: expect.stringMatching(/no reason recorded/),
    });
    const none = envelopeAddress(person(), null);
    expect(!none.ok && none.error.category).toBe('unprocessable');
  });
});

describe('legal-mail sender block', () => {
  it.each([
    [
      "the attorney's name and title, then the State Bar address",
      {
        attorneyName: 'Dana Whitlock',
        title: 'Attorney at Law',
        barAddressLines: ['100 Main St, Suite 4', 'Oakland, CA 94612'],
      },
      ['Dana Whitlock, Attorney at Law', '100 Main St, Suite 4', 'Oakland, CA 94612'],
    ],
    [
      'an assistant writing for the attorney: attention of the assistant',
      {
        attorneyName: 'Dana Whitlock',
        title: 'Attorney at Law',
        barAddressLines: ['100 Main St', '', 'Oakland, CA 94612'],
        assistantName: 'Priya Raman, paralegal',
      },
      ['Dana Whitlock, Attorney at Law', 'Attn: Priya Raman, paralegal', '100 Main St', 'Oakland, CA 94612'],
    ],
  ])('%s', (_, sender, lines) => {
    const result = senderBlock(sender);
    expect(result.ok && result.value).toEqual(lines);
  });

  it.each([
    ['no title', { attorneyName: 'Dana Whitlock', title: ' ', barAddressLines: ['1 Main', 'Oakland, CA'] }, ['title']],
    [
      'no name',
      { attorneyName: '', title: 'Attorney at Law', barAddressLines: ['1 Main', 'Oakland, CA'] },
      ['attorneyName'],
    ],
    [
      'one address line',
      { attorneyName: 'D', title: 'Attorney', barAddressLines: ['Oakland, CA'] },
      ['barAddressLines'],
    ],
  ])('refuses a return address with %s', (_, sender, fields) => {
    const result = senderBlock(sender);
    expect(!result.ok && result.error.code).toBe('envelope.sender_incomplete');
    expect(!result.ok && Object.keys(result.error.details ?? {})).toEqual(fields);
  });
});
