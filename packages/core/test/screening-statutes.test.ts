import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStatute, normalizeStatuteUncached } from '../src/screening/statute-normaliser.js';
import { describeStatuteSet, isInStatuteSet, STATUTE_SETS } from '../src/screening/statute-sets.js';
import { STATUTE_SET_IDS, type StatuteSetId } from '../src/screening/statute-types.js';

type Expected = {
  id: string;
  degree?: 'first' | 'second' | 'third' | null;
  attempt?: boolean;
  conspiracy?: boolean;
  enhancement?: boolean;
  subdivisions?: string[];
};

const CA_FORMS: ReadonlyArray<readonly [string, Expected]> = [
  ['PC187(a)', { id: 'PC 187(a)', subdivisions: ['a'] }],
  ['PC 187 2nd', { id: 'PC 187', degree: 'second' }],
  ['PC 187(a) 1st', { id: 'PC 187(a)', degree: 'first' }],
  ['P.C. 187', { id: 'PC 187' }],
  ['PEN 187', { id: 'PC 187' }],
  ['PENAL CODE SECTION 187', { id: 'PC 187' }],
  ['187(a) PC', { id: 'PC 187(a)' }],
  ['187', { id: 'PC 187' }],
  ['PC664/187(a)', { id: 'PC 664/187(a)', attempt: true, subdivisions: ['a'] }],
  ['664/187', { id: 'PC 664/187', attempt: true }],
  ['PC 187/664', { id: 'PC 664/187', attempt: true }],
  ['PC187(664)', { id: 'PC 664/187', attempt: true, subdivisions: [] }],
  ['ATT PC 211', { id: 'PC 664/211', attempt: true }],
  ['attempted pc 211', { id: 'PC 664/211', attempt: true }],
  ['PC 211 ATTEMPTED ROBBERY', { id: 'PC 664/211', attempt: true }],
  ['PC 182(a)(1)', { id: 'PC 182(a)(1)', conspiracy: true, subdivisions: ['a', '1'] }],
  ['PC 182(a)(1)/211', { id: 'PC 182(a)(1)/211', conspiracy: true }],
  ['CONSPIRACY PC 211', { id: 'PC 182/211', conspiracy: true }],
  ['HS11359', { id: 'HS 11359' }],
  ['H&S 11350(a)', { id: 'HS 11350(a)' }],
  ['H & S 11350(A)', { id: 'HS 11350(a)' }],
  ['HSC 11377', { id: 'HS 11377' }],
  ['VC 10851', { id: 'VC 10851' }],
  ['10851 VEH', { id: 'VC 10851' }],
  ['VC 10851 ATT', { id: 'VC 10851 attempt', attempt: true }],
  ['PC 664/HS 11352(a)', { id: 'HS 11352(a) attempt', attempt: true }],
  ['PC 12022.53(d)', { id: 'PC 12022.53(d)', enhancement: true }],
  ['PC 667.5(b)', { id: 'PC 667.5(b)', enhancement: true }],
  ['PC 667.5(c)', { id: 'PC 667.5(c)', enhancement: false }],
  ['PC 186.22(b)(1)(C)', { id: 'PC 186.22(b)(1)(C)', enhancement: true }],
  ['PC 186.22(a)', { id: 'PC 186.22(a)', enhancement: false }],
  ['pc 211 robbery 2nd', { id: 'PC 211', degree: 'second' }],
  ['  PC   211   ROBBERY   2ND  ', { id: 'PC 211', degree: 'second' }],
  ['PC 211 ROBBERY 2ND', { id: 'PC 211', degree: 'second' }],
  ['PC 459 1st deg', { id: 'PC 459', degree: 'first' }],
  ['PC 459 first', { id: 'PC 459', degree: 'first' }],
  ['PC 459 SECOND DEGREE', { id: 'PC 459', degree: 'second' }],
  ['PC 1170.12 2ND STRIKER', { id: 'PC 1170.12', degree: null }],
  ['PC245A1', { id: 'PC 245(a)(1)' }],
  ['PC 288a(c)(2)', { id: 'PC 288a(c)(2)' }],
  ['PC 667(e)(2)(C)(iv)(I)', { id: 'PC 667(e)(2)(C)(iv)(I)', subdivisions: ['e', '2', 'C', 'iv', 'I'] }],
];

const US_FORMS: ReadonlyArray<readonly [string, Expected]> = [
  ['21:841(b)(1)(A)(iii)', { id: '21 USC 841(b)(1)(A)(iii)', subdivisions: ['b', '1', 'A', 'iii'] }],
  ['21 U.S.C. § 841(a)(1), (b)(1)(B)', { id: '21 USC 841(b)(1)(B)' }],
  ['21 U.S.C. §§ 846, 841(a)(1), (b)(1)(A)', { id: '21 USC 846/841(b)(1)(A)', conspiracy: true }],
  ['21 USC 841(a)(1) and 846', { id: '21 USC 846/841(a)(1)', conspiracy: true }],
  ['21 USC 846', { id: '21 USC 846', conspiracy: true }],
  ['21 usc 963/960(b)(1)(C)', { id: '21 USC 963/960(b)(1)(C)', conspiracy: true }],
  ['18 USC 924(c)', { id: '18 USC 924(c)', enhancement: false }],
  ['18 USC 924(e)', { id: '18 USC 924(e)', enhancement: true }],
  ['18 U.S.C. 922(g)(1)', { id: '18 USC 922(g)(1)' }],
  ['18:2113(a)', { id: '18 USC 2113(a)' }],
  ['18 U.S.C.A. 2252A(a)(2)', { id: '18 USC 2252A(a)(2)' }],
  ['18 USC 2332b(g)(5)(B)', { id: '18 USC 2332b(g)(5)(B)' }],
  ['34 USC 20911(5)(A)(iii)', { id: '34 USC 20911(5)(A)(iii)' }],
  ['18 USC 1951 attempted', { id: '18 USC 1951 attempt', attempt: true }],
  ['841(b)(1)(C)', { id: '21 USC 841(b)(1)(C)' }],
  ['846', { id: '21 USC 846', conspiracy: true }],
  ['924(c)', { id: '18 USC 924(c)' }],
  ['PC 187', { id: 'PC 187' }],
  ['1111', { id: '18 USC 1111' }],
];

const check = (raw: string, jurisdiction: 'CA' | 'US', e: Expected) => {
  const s = normalizeStatute(raw, jurisdiction);
  expect(s.recognised).toBe(true);
  expect(s.raw).toBe(raw);
  expect(s.id).toBe(e.id);
  expect(s.degree).toBe(e.degree ?? null);
  expect(s.isAttempt).toBe(e.attempt ?? false);
  expect(s.isConspiracy).toBe(e.conspiracy ?? false);
  expect(s.isEnhancement).toBe(e.enhancement ?? false);
  if (e.subdivisions) expect(s.subdivisions).toEqual(e.subdivisions);
};

describe('normalizeStatute', () => {
  it.each(CA_FORMS)('reads %s (CA)', (raw, e) => check(raw, 'CA', e));
  it.each(US_FORMS)('reads %s (US)', (raw, e) => check(raw, 'US', e));

  it('gives the parts of a federal citation', () => {
    const s = normalizeStatute('21:841(b)(1)(A)(iii)', 'US');
    expect([s.code, s.title, s.section]).toEqual(['USC', '21', '841']);
    const ca = normalizeStatute('PC664/187(a)', 'CA');
    expect([ca.code, ca.title, ca.section]).toEqual(['PC', null, '187']);
  });

  it.each([
    ['garbage', 'CA', '?garbage'],
    ['  ROBBERY  ', 'CA', '?ROBBERY'],
    ['', 'CA', '?'],
    ['187', 'US', '?187'],
    ['12345', 'US', '?12345'],
    ['844(a)', 'US', '?844(a)'],
    ['PC 2ND STRIKE', 'CA', '?PC 2ND STRIKE'],
    ['?PC 187', 'CA', '?PC 187'],
  ] as const)('keeps %j unrecognised and flagged (%s)', (raw, jurisdiction, id) => {
    const s = normalizeStatute(raw, jurisdiction);
    expect(s).toMatchObject({ raw, recognised: false, code: null, section: null, id });
  });

  it('returns the same frozen result from the cache', () => {
    const a = normalizeStatute('PC 187(a)', 'CA');
    expect(normalizeStatute('PC 187(a)', 'CA')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(normalizeStatuteUncached('PC 187(a)', 'CA')).toEqual(a);
  });

  it('keeps answering correctly once the cache has rolled over', () => {
    for (let i = 0; i < 12_000; i += 1) normalizeStatute(`PC ${i}`, 'CA');
    expect(normalizeStatute('PC 11999', 'CA').id).toBe('PC 11999');
    expect(normalizeStatute('PC 1', 'CA').id).toBe('PC 1');
  });

  it('is idempotent on canonical ids', () => {
    const ids = [...CA_FORMS, ...US_FORMS].map(([, e]) => e.id);
    for (const id of ids) expect(normalizeStatute(id, id.includes('USC') ? 'US' : 'CA').id).toBe(id);
    const members = Object.values(STATUTE_SETS).flatMap((set) => set.members.map((m) => [m.statute, set] as const));
    for (const [id, set] of members) expect(normalizeStatute(id, set.jurisdiction).id).toBe(id);
  });

  const rawForms = fc.oneof(
    fc.string(),
    fc
      .tuple(
        fc.constantFrom('PC', 'P.C.', 'pen', 'HS', 'H&S', 'VC', '21 USC', '18 U.S.C. §', '21:', '', '664/'),
        fc.integer({ min: 1, max: 30000 }),
        fc.array(fc.constantFrom('a', 'b', '1', '2', 'A', 'C', 'iii', 'iv'), { maxLength: 4 }),
        fc.constantFrom('', ' 1st', ' 2ND', ' ATT', ' robbery', ' / 664', ', (b)(1)(C)', ' and 846'),
      )
      .map(([code, n, subs, tail]) => `${code} ${n}${subs.map((x) => `(${x})`).join('')}${tail}`),
  );

  it('never throws, and normalising a canonical id gives the same id (property)', () => {
    fc.assert(
      fc.property(rawForms, fc.constantFrom('CA' as const, 'US' as const), (raw, jurisdiction) => {
        const first = normalizeStatuteUncached(raw, jurisdiction);
        const again = normalizeStatuteUncached(first.id, jurisdiction);
        expect(again.id).toBe(first.id);
        expect(again.recognised).toBe(first.recognised);
        if (first.recognised) {
          expect(again.isAttempt).toBe(first.isAttempt);
          expect(again.isConspiracy).toBe(first.isConspiracy);
          expect(again.section).toBe(first.section);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const MEMBERSHIP: ReadonlyArray<readonly [string, 'CA' | 'US', StatuteSetId, boolean | null]> = [
  ['PC 187(a)', 'CA', 'CA_VIOLENT_667_5C', true],
  ['PC664/187(a)', 'CA', 'CA_VIOLENT_667_5C', true],
  ['PC 211 ROBBERY 2ND', 'CA', 'CA_VIOLENT_667_5C', true],
  ['ATT PC 211', 'CA', 'CA_VIOLENT_667_5C', false],
  ['PC 12022.53(d)', 'CA', 'CA_VIOLENT_667_5C', true],
  ['PC 261(a)(2)', 'CA', 'CA_VIOLENT_667_5C', true],
  ['PC 261', 'CA', 'CA_VIOLENT_667_5C', null],
  ['PC 261(a)(3)', 'CA', 'CA_VIOLENT_667_5C', false],
  ['PC 245(a)(2)', 'CA', 'CA_VIOLENT_667_5C', null],
  ['PC 518', 'CA', 'CA_VIOLENT_667_5C', null],
  ['PC 459 1ST', 'CA', 'CA_VIOLENT_667_5C', null],
  ['PC 459 2ND', 'CA', 'CA_VIOLENT_667_5C', false],
  ['PC 192(b)', 'CA', 'CA_VIOLENT_667_5C', false],
  ['PC 182(a)(1)', 'CA', 'CA_VIOLENT_667_5C', false],
  ['PC 664', 'CA', 'CA_VIOLENT_667_5C', null],
  ['HS 11350', 'CA', 'CA_VIOLENT_667_5C', false],
  ['21 USC 841(b)(1)(A)', 'US', 'CA_VIOLENT_667_5C', false],
  ['garbage', 'CA', 'CA_VIOLENT_667_5C', null],
  ['PC 459 1st', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 459', 'CA', 'CA_SERIOUS_1192_7C', null],
  ['PC 459 second', 'CA', 'CA_SERIOUS_1192_7C', false],
  ['PC 460(a)', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 460', 'CA', 'CA_SERIOUS_1192_7C', null],
  ['PC 245(a)(1)', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 245(a)(4)', 'CA', 'CA_SERIOUS_1192_7C', null],
  ['PC 664/245(a)(1)', 'CA', 'CA_SERIOUS_1192_7C', false],
  ['ATT PC 211', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 182(a)(1)/211', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 182(a)(1)', 'CA', 'CA_SERIOUS_1192_7C', null],
  ['PC 187', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 422', 'CA', 'CA_SERIOUS_1192_7C', true],
  ['PC 286(b)(1)', 'CA', 'CA_SERIOUS_1192_7C', false],
  ['PC 286', 'CA', 'CA_SERIOUS_1192_7C', null],
  ['PC 187 2nd', 'CA', 'CA_SUPER_STRIKE_667E2CIV', true],
  ['664/187', 'CA', 'CA_SUPER_STRIKE_667E2CIV', true],
  ['PC 192(a)', 'CA', 'CA_SUPER_STRIKE_667E2CIV', false],
  ['PC 288(a)', 'CA', 'CA_SUPER_STRIKE_667E2CIV', true],
  ['PC 288', 'CA', 'CA_SUPER_STRIKE_667E2CIV', null],
  ['PC 653f(b)', 'CA', 'CA_SUPER_STRIKE_667E2CIV', true],
  ['PC 245(d)(3)', 'CA', 'CA_SUPER_STRIKE_667E2CIV', true],
  ['PC 12022.53(d)', 'CA', 'CA_SUPER_STRIKE_667E2CIV', false],
  ['PC 211', 'CA', 'CA_SUPER_STRIKE_667E2CIV', false],
  ['PC 288(a)', 'CA', 'CA_REGISTRABLE_290C', true],
  ['PC 207', 'CA', 'CA_REGISTRABLE_290C', null],
  ['PC 211', 'CA', 'CA_REGISTRABLE_290C', false],
  ['PC 187', 'CA', 'CA_HOMICIDE_1172_6', true],
  ['PC 664/187', 'CA', 'CA_HOMICIDE_1172_6', true],
  ['PC 192(b)', 'CA', 'CA_HOMICIDE_1172_6', true],
  ['PC 192', 'CA', 'CA_HOMICIDE_1172_6', null],
  ['PC 211', 'CA', 'CA_HOMICIDE_1172_6', false],
  ['H&S 11350(a)', 'CA', 'CA_PROP47_OFFENSES', true],
  ['HS 11357(a)', 'CA', 'CA_PROP47_OFFENSES', true],
  ['HS 11357', 'CA', 'CA_PROP47_OFFENSES', null],
  ['PC 490.2', 'CA', 'CA_PROP47_OFFENSES', true],
  ['PC 496(a)', 'CA', 'CA_PROP47_OFFENSES', null],
  ['PC 473', 'CA', 'CA_PROP47_OFFENSES', null],
  ['PC 459 2nd', 'CA', 'CA_PROP47_OFFENSES', null],
  ['PC 459 1st', 'CA', 'CA_PROP47_OFFENSES', false],
  ['PC 211', 'CA', 'CA_PROP47_OFFENSES', false],
  ['HS11359', 'CA', 'CA_PROP64_OFFENSES', true],
  ['HS 11360(a)', 'CA', 'CA_PROP64_OFFENSES', true],
  ['HS 11350', 'CA', 'CA_PROP64_OFFENSES', false],
  ['PC 667.5(b)', 'CA', 'CA_PRISON_PRIOR_667_5B', true],
  ['PC 667.5', 'CA', 'CA_PRISON_PRIOR_667_5B', null],
  ['PC 667.5(a)', 'CA', 'CA_PRISON_PRIOR_667_5B', false],
  ['18:2113(a)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', true],
  ['18 USC 2113(b)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['18 USC 2113', 'US', 'US_CRIME_OF_VIOLENCE_18_16', null],
  ['18 USC 1951(a)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', null],
  ['18 USC 1951 attempt', 'US', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['18 USC 924(c)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', null],
  ['18 USC 1111', 'US', 'US_CRIME_OF_VIOLENCE_18_16', true],
  ['21 USC 841(b)(1)(A)(iii)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['21 USC 846', 'US', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['18 U.S.C. 922(g)(1)', 'US', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['PC 211', 'CA', 'US_CRIME_OF_VIOLENCE_18_16', false],
  ['21:841(b)(1)(A)(iii)', 'US', 'US_FSA_2010_COVERED', true],
  ['21 U.S.C. § 841(a)(1), (b)(1)(B)', 'US', 'US_FSA_2010_COVERED', null],
  ['21 USC 841(b)(1)(B)(iii)', 'US', 'US_FSA_2010_COVERED', true],
  ['21 USC 841(b)(1)(C)', 'US', 'US_FSA_2010_COVERED', false],
  ['841(b)(1)(C)', 'US', 'US_FSA_2010_COVERED', false],
  ['21 USC 841(b)(1)(A)(ii)', 'US', 'US_FSA_2010_COVERED', false],
  ['21 USC 841(a)(1)', 'US', 'US_FSA_2010_COVERED', null],
  ['21 USC 841', 'US', 'US_FSA_2010_COVERED', null],
  ['21 USC 846', 'US', 'US_FSA_2010_COVERED', null],
  ['21 USC 846/841(b)(1)(A)(iii)', 'US', 'US_FSA_2010_COVERED', true],
  ['21 USC 846/841(b)(1)(C)', 'US', 'US_FSA_2010_COVERED', false],
  ['21 USC 963/960(b)(1)(C)', 'US', 'US_FSA_2010_COVERED', true],
  ['21 USC 844(a)', 'US', 'US_FSA_2010_COVERED', null],
  ['18 USC 924(c)', 'US', 'US_FSA_2010_COVERED', false],
  ['18 USC 3559(c)', 'US', 'US_THREE_STRIKES_3559C', true],
  ['18 USC 3559', 'US', 'US_THREE_STRIKES_3559C', null],
  ['18 USC 2252A(a)(2)', 'US', 'US_SEX_OFFENSE_20911', true],
  ['18 USC 2257', 'US', 'US_SEX_OFFENSE_20911', false],
  ['18 USC 2241(c)', 'US', 'US_SEX_OFFENSE_20911', true],
  ['18 USC 1591(a)', 'US', 'US_SEX_OFFENSE_20911', true],
  ['18 USC 2339B', 'US', 'US_TERRORISM_2332B', true],
  ['18 USC 2113(a)', 'US', 'US_TERRORISM_2332B', false],
  ['18 USC 793(e)', 'US', 'US_ESPIONAGE_CH37', true],
  ['18 USC 800', 'US', 'US_ESPIONAGE_CH37', false],
];

describe('isInStatuteSet', () => {
  it.each(MEMBERSHIP)('%s (%s) in %s → %s', (raw, jurisdiction, set, expected) => {
    expect(isInStatuteSet(normalizeStatute(raw, jurisdiction), set)).toBe(expected);
  });

  it('needs the degree where a member carries one', () => {
    const burglary = normalizeStatute('PC 459', 'CA');
    expect(burglary.degree).toBeNull();
    expect(isInStatuteSet(burglary, 'CA_SERIOUS_1192_7C')).toBeNull();
    expect(isInStatuteSet({ ...burglary, degree: 'first' }, 'CA_SERIOUS_1192_7C')).toBe(true);
  });

  it('describes every set with a title, citations and certainty', () => {
    for (const id of STATUTE_SET_IDS) {
      const d = describeStatuteSet(id);
      expect(d.id).toBe(id);
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.citations.length).toBeGreaterThan(0);
      expect(['verified', 'secondary', 'memory', 'uncertain']).toContain(d.certainty);
      expect(STATUTE_SETS[id].id).toBe(id);
      for (const member of STATUTE_SETS[id].members) expect(member.citation.length).toBeGreaterThan(0);
    }
  });
});
