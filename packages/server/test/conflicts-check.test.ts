import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import {
  addContact,
  addConvictionParties,
  addMatter,
  addMatterParty,
  addPerson,
  type SignedIn,
  signedIn,
} from './support/search-fixtures.js';

// The conflict check run before adding a person, contact or party: fuzzy matches against victims and
// survivors, co-defendants, adverse parties, clients and contacts, with the matters involved, and
// victims named only to the legal team.

let h: Harness;
let lead: SignedIn; // attorney, lead on the Hale matters
let outsideParalegal: SignedIn; // paralegal on no team: may run checks, sees none of the Hale records
let outsideAttorney: SignedIn; // org-wide reader, not on the legal team
let hale: string;
let haleHabeas: string;
let haleClemency: string;
let otherClient: string;
let otherMatter: string;

type Match = {
  kind: string;
  name: string | null;
  label: string;
  isNameWithheld: boolean;
  isRestricted: boolean;
  similarity: number;
  personId?: string;
  contactId?: string;
  matchedAlias?: string;
  isSameDateOfBirth: boolean;
  matters: { id: string; title: string | null; isVisible: boolean; label: string }[];
  summary: string;
};
type Check = { id: string; subjectKind: string; subjectName: string; matches: Match[]; decision: unknown };

const check = async (who: SignedIn, name: string, extra: Record<string, unknown> = {}) => {
  const res = await who.client.request('POST', '/api/v1/conflict-checks', { subjectKind: 'person', name, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Check;
};
const ofKind = (c: Check, kind: string) => c.matches.filter((m) => m.kind === kind);

beforeAll(async () => {
  h = await createHarness();
  [lead, outsideParalegal, outsideAttorney] = await Promise.all([
    signedIn(h, 'attorney'),
    signedIn(h, 'paralegal'),
    signedIn(h, 'attorney'),
  ]);
  hale = await addPerson(h, 'Desmond Hale');
  haleHabeas = await addMatter(h, hale, 'Hale habeas', [{ userId: lead.id, matterRole: 'lead_attorney' }]);
  haleClemency = await addMatter(h, hale, 'Hale clemency', [{ userId: lead.id, matterRole: 'lead_attorney' }]);
  await addConvictionParties(h, hale, [
    { role: 'victim', name: 'Jessamine Whitlock' },
    { role: 'survivor', name: 'Orrin Whitlock' },
    { role: 'co_defendant', name: 'Lucius Brannigan' },
  ]);
  otherClient = await addPerson(h, 'Kevin Coopper', { aliases: ['Kev Ashworth'], dateOfBirth: '1958-01-08' });
  otherMatter = await addMatter(h, otherClient, 'Coopper commutation', [
    { userId: outsideParalegal.id, matterRole: 'paralegal' },
  ]);
  await addMatterParty(h, otherMatter, 'adverse_party', 'Sheriff Bartholomew Quince');
  await addMatterParty(h, haleHabeas, 'adverse_party', 'Sheriff Bartholomew Quince');
  await addMatterParty(h, haleHabeas, 'witness', 'Prudence Okafor');
});
afterAll(() => h.close());

describe('victims and survivors', () => {
  it('flags a victim to a user outside the legal team, without the name', async () => {
    const result = await check(outsideParalegal, 'Jessamine Whitlok');
    const [victim] = ofKind(result, 'victim');
    expect(victim).toMatchObject({
      name: null,
      label: 'Restricted party',
      isRestricted: true,
      isNameWithheld: true,
    });
    expect(victim?.matters.map((m) => m.id).sort()).toEqual([haleClemency, haleHabeas].sort());
    expect(victim?.matters.every((m) => m.title === null && !m.isVisible)).toBe(true);
    expect(victim?.summary).toMatch(/^Possible conflict with a restricted party on matters /);
    expect(victim).not.toHaveProperty('personId');
    // Nothing in the whole answer names the victim.
    expect(JSON.stringify(result.matches)).not.toMatch(/Jessamine|Whitlock|Orrin/);
  });

  it('withholds the name from an attorney who sees the matters but is not on their legal team', async () => {
    const result = await check(outsideAttorney, 'Jessamine Whitlock');
    const [victim] = ofKind(result, 'victim');
    expect(victim).toMatchObject({ name: null, isNameWithheld: true });
    expect(victim?.matters.map((m) => m.title).sort()).toEqual(['Hale clemency', 'Hale habeas']);
  });

  it('names the victim, and the person, to the legal team', async () => {
    const result = await check(lead, 'Jessamine Whitlok');
    const [victim] = ofKind(result, 'victim');
    expect(victim).toMatchObject({
      name: 'Jessamine Whitlock',
      label: 'Jessamine Whitlock',
      isNameWithheld: false,
      personId: hale,
    });
    expect(victim?.similarity).toBeGreaterThanOrEqual(0.45);
    expect(victim?.summary).toContain('victim Jessamine Whitlock');
  });

  it('flags a survivor the same way', async () => {
    const outside = await check(outsideParalegal, 'Orrin Whitlock');
    expect(ofKind(outside, 'survivor')[0]).toMatchObject({ name: null, isNameWithheld: true });
    const inside = await check(lead, 'Orrin Whitlock');
    expect(ofKind(inside, 'survivor')[0]).toMatchObject({ name: 'Orrin Whitlock', similarity: 1 });
  });

  it('stores the whole check, restricted names included, and audits it without any name', async () => {
    const before = (await auditRows(h)).length;
    const result = await check(outsideParalegal, 'Jessamine Whitlok');
    const row = await h.database.db
      .selectFrom('conflict_checks')
      .selectAll()
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      subject_kind: 'person',
      subject_name: 'Jessamine Whitlok',
      checked_by: outsideParalegal.id,
      decision: null,
    });
    expect(JSON.stringify(row.matches)).toContain('Jessamine Whitlock');
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['conflict_check.run']);
    expect(entries[0]).toMatchObject({ entity_type: 'conflict_check', entity_id: result.id });
    expect(entries[0]?.details).toEqual({
      subjectKind: 'person',
      matches: 1,
      kinds: { victim: 1 },
      restrictedMatches: 1,
    });
    expect(JSON.stringify(entries[0])).not.toMatch(/Jessamine|Whitlo/);
  });
});

describe('co-defendants and adverse parties', () => {
  it("lists a co-defendant's matters (those of the person convicted with them)", async () => {
    const [coDefendant] = ofKind(await check(lead, 'Lucius Branigan'), 'co_defendant');
    expect(coDefendant).toMatchObject({ name: 'Lucius Brannigan', isRestricted: false, personId: hale });
    expect(coDefendant?.matters.map((m) => m.title).sort()).toEqual(['Hale clemency', 'Hale habeas']);
  });

  it('names a co-defendant to anyone, but shows only the matters they may see', async () => {
    const [coDefendant] = ofKind(await check(outsideParalegal, 'Lucius Brannigan'), 'co_defendant');
    expect(coDefendant).toMatchObject({ name: 'Lucius Brannigan', isNameWithheld: false });
    expect(coDefendant).not.toHaveProperty('personId');
    expect(coDefendant?.matters).toHaveLength(2);
    expect(coDefendant?.matters.every((m) => m.title === null && m.label.endsWith('(not visible to you)'))).toBe(true);
  });

  it('makes one adverse party of a name on several matters, listing each', async () => {
    const adverse = ofKind(await check(lead, 'Bartholomew Quince'), 'adverse_party');
    expect(adverse).toHaveLength(1);
    expect(adverse[0]?.name).toBe('Sheriff Bartholomew Quince');
    expect(adverse[0]?.matters.map((m) => m.id).sort()).toEqual([haleHabeas, otherMatter].sort());
  });

  it('does not report witnesses as conflicts', async () => {
    expect((await check(lead, 'Prudence Okafor')).matches).toEqual([]);
  });
});

describe('clients and contacts', () => {
  it('finds an existing client by a misspelt name and by alias, and lifts one with the same date of birth', async () => {
    const byName = ofKind(await check(outsideParalegal, 'Kevin Cooper', { dateOfBirth: '1958-01-08' }), 'client');
    expect(byName[0]).toMatchObject({ name: 'Kevin Coopper', personId: otherClient, isSameDateOfBirth: true });
    expect(byName[0]?.matters).toEqual([
      { id: otherMatter, title: 'Coopper commutation', isVisible: true, label: 'Coopper commutation' },
    ]);
    const byAlias = ofKind(await check(outsideParalegal, 'Kev Ashworth'), 'client');
    expect(byAlias[0]).toMatchObject({ name: 'Kevin Coopper', matchedAlias: 'Kev Ashworth', similarity: 1 });
  });

  it('finds a contact with the matters it is linked to, directly or through a person', async () => {
    const contact = await addContact(h, 'Imogen Featherstonehaugh', {
      links: [{ matterId: otherMatter }, { personId: hale }],
    });
    const [match] = ofKind(await check(lead, 'Imogen Featherstonhaugh'), 'contact');
    expect(match).toMatchObject({ contactId: contact, name: 'Imogen Featherstonehaugh' });
    expect(match?.matters.map((m) => m.id).sort()).toEqual([haleClemency, haleHabeas, otherMatter].sort());
  });

  it('reports nothing for a name unlike any record', async () => {
    expect((await check(lead, 'Zephyrine Oyelaran-Moss')).matches).toEqual([]);
  });
});

describe('who may run a check, and bad input', () => {
  it('refuses roles that may not open matters', async () => {
    for (const role of ['volunteer', 'investigator', 'law_apprentice'] as const) {
      const who = await signedIn(h, role);
      const res = await who.client.request('POST', '/api/v1/conflict-checks', { subjectKind: 'party', name: 'Al Bo' });
      expectError(res, 403, 'access.denied');
    }
  });

  it('allows advocates and administrators', async () => {
    for (const role of ['advocate', 'administrator'] as const) {
      const who = await signedIn(h, role);
      expect((await check(who, 'Someone New')).matches).toEqual([]);
    }
  });

  it('refuses a read-only API token', async () => {
    const created = await lead.client.request('POST', '/api/v1/tokens', { name: 'ro', scopes: ['read'] });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/conflict-checks',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: { subjectKind: 'person', name: 'Al Bo' },
    });
    expectError(res, 403, 'access.denied');
  });

  it.each([
    [{ subjectKind: 'person' }, 'name'],
    [{ subjectKind: 'person', name: '' }, 'name'],
    [{ subjectKind: 'person', name: 'J' }, 'name'],
    [{ subjectKind: 'person', name: 'x'.repeat(201) }, 'name'],
    [{ subjectKind: 'person', name: 'Al\u0000Bo' }, 'name'],
    [{ subjectKind: 'planet', name: 'Al Bo' }, 'subjectKind'],
    [{ subjectKind: 'person', name: 'Al Bo', dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
    [{ subjectKind: 'person', name: 'Al Bo', extra: 1 }, 'extra'],
  ])('400 for %j, naming %s', async (body, field) => {
    const res = await lead.client.request('POST', '/api/v1/conflict-checks', body);
    expect(expectError(res, 400, 'request.invalid').details).toHaveProperty([field]);
  });
});
