import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { addContact, addMatter, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Finding people, matters and contacts from one box, as an attorney (who may read every matter).

let h: Harness;
let attorney: SignedIn;
let cooper: string;
let reed: string;
let cooperMatter: string;

type Hit = { id: string; label: string; subLabel: string | null; link: string; matchedOn: string; score: number };
type Group = { type: string; items: Hit[]; hasMore: boolean };

const search = async (who: SignedIn, q: string, extra = '') => {
  const res = await who.client.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { q: string; groups: Group[] };
};
const group = (body: { groups: Group[] }, type: string) => {
  const g = body.groups.find((x) => x.type === type);
  if (!g) throw new Error(`no ${type} group in ${JSON.stringify(body)}`);
  return g;
};

beforeAll(async () => {
  h = await createHarness();
  attorney = await signedIn(h, 'attorney');
  cooper = await addPerson(h, 'Kevin Coopper', {
    aliases: ['Kev Roberts'],
    identifiers: [
      { system: 'cdcr', value: 'C98556' },
      { system: 'bop', value: '12345-678' },
    ],
    dateOfBirth: '1958-01-08',
  });
  reed = await addPerson(h, 'Rodney Reed', { identifiers: [{ system: 'fbi', value: 'FBI-77X' }] });
  await addPerson(h, 'Maria Gonzalez');
  cooperMatter = await addMatter(h, cooper, 'Clemency petition for the Chino case');
  await addMatter(h, reed, 'Bastrop County innocence review');
  await addContact(h, 'Alice Waters', { organisation: 'Serology Laboratory of Sacramento' });
  await addContact(h, 'Bob Stone', { organisation: 'Office of the Governor' });
});
afterAll(() => h.close());

describe('people', () => {
  it('finds "Kevin Coopper" for "Kevin Cooper", best first, with a link for the web', async () => {
    const people = group(await search(attorney, 'Kevin Cooper'), 'people');
    expect(people.items[0]).toMatchObject({
      id: cooper,
      label: 'Kevin Coopper',
      link: `/people/${cooper}`,
      matchedOn: 'name',
    });
    expect(people.items[0]?.subLabel).toContain('born 1958-01-08');
    expect(people.items.map((i) => i.id)).not.toContain(reed);
  });

  it('finds a person from part of the name, misspelt words, and "Last, First"', async () => {
    expect(group(await search(attorney, 'coopper'), 'people').items.map((i) => i.id)).toContain(cooper);
    expect(group(await search(attorney, 'coop'), 'people').items.map((i) => i.id)).toContain(cooper);
    expect(group(await search(attorney, 'kevn cooper'), 'people').items[0]?.id).toBe(cooper);
    expect(group(await search(attorney, 'Reed, Rodney'), 'people').items[0]?.id).toBe(reed);
  });

  it('finds a whole name misspelt so that one word is like no word of it ("raed" for "reed")', async () => {
    expect(group(await search(attorney, 'Rodney Raed'), 'people').items[0]).toMatchObject({
      id: reed,
      matchedOn: 'name',
    });
    expect(group(await search(attorney, 'Rodney Raed'), 'matters').items.map((i) => i.label)).toEqual([
      'Bastrop County innocence review',
    ]);
    expect(group(await search(attorney, 'Rodney Quaxley'), 'people').items).toEqual([]);
  });

  it('finds a person by an alias and says so', async () => {
    const people = group(await search(attorney, 'Kev Roberts'), 'people');
    expect(people.items[0]).toMatchObject({ id: cooper, matchedOn: 'alias' });
    expect(people.items[0]?.subLabel).toContain('Also known as Kev Roberts');
  });

  it.each([
    ['c-98556', 'CDCR number C98556'],
    ['C98556', 'CDCR number C98556'],
    ['12345678', 'BOP register number 12345-678'],
    ['12345-678', 'BOP register number 12345-678'],
  ])('finds a person by identifier %s', async (q, sub) => {
    const people = group(await search(attorney, q, '&types=people'), 'people');
    expect(people.items[0]).toMatchObject({ id: cooper, matchedOn: 'identifier' });
    expect(people.items[0]?.subLabel).toContain(sub);
  });

  it('finds a free-text identifier whatever its case', async () => {
    const people = group(await search(attorney, 'fbi-77x', '&types=people'), 'people');
    expect(people.items[0]).toMatchObject({ id: reed, matchedOn: 'identifier' });
  });

  it('finds nothing for a name nobody has, nor when one of the words matches nobody', async () => {
    expect(group(await search(attorney, 'Zebedee Quaxley'), 'people').items).toEqual([]);
    expect(group(await search(attorney, 'Kevin Quaxley'), 'people').items).toEqual([]);
  });
});

describe('matters', () => {
  it("finds a matter by its title and by its person's name", async () => {
    const byTitle = group(await search(attorney, 'clemency chino'), 'matters');
    expect(byTitle.items[0]).toMatchObject({
      id: cooperMatter,
      label: 'Clemency petition for the Chino case',
      link: `/matters/${cooperMatter}`,
      matchedOn: 'title',
    });
    expect(byTitle.items[0]?.subLabel).toBe('Kevin Coopper · Innocence investigation · Intake review');

    const byPerson = group(await search(attorney, 'Kevin Cooper'), 'matters');
    expect(byPerson.items.map((i) => [i.id, i.matchedOn])).toEqual([[cooperMatter, 'person_name']]);
  });
});

describe('contacts', () => {
  it('finds a contact by name and by organisation', async () => {
    const byName = group(await search(attorney, 'Alice Watters'), 'contacts');
    expect(byName.items[0]).toMatchObject({ label: 'Alice Waters', matchedOn: 'name' });
    expect(byName.items[0]?.link).toMatch(/^\/contacts\/[0-9a-f-]{36}$/);
    const byOrg = group(await search(attorney, 'serology'), 'contacts');
    expect(byOrg.items[0]).toMatchObject({
      label: 'Alice Waters',
      subLabel: 'Serology Laboratory of Sacramento',
      matchedOn: 'organisation',
    });
  });
});

describe('the shape of the answer', () => {
  it('answers only the types asked for, in a fixed order, and honours the limit', async () => {
    const body = await search(attorney, 'Kevin Cooper', '&types=notes,people');
    expect(body.groups.map((g) => g.type)).toEqual(['people', 'notes']);
    for (const i of [1, 2, 3]) await addPerson(h, `Kevin Cooper ${'I'.repeat(i)}`);
    const limited = group(await search(attorney, 'Kevin Cooper', '&types=people&limit=2'), 'people');
    expect(limited.items).toHaveLength(2);
    expect(limited.hasMore).toBe(true);
  });

  it('answers every group, empty ones included, when no types are given', async () => {
    const body = await search(attorney, 'Xylophonist');
    expect(body).toEqual({
      q: 'Xylophonist',
      groups: ['people', 'matters', 'contacts', 'notes', 'intakes', 'documents'].map((type) => ({
        type,
        items: [],
        hasMore: false,
      })),
    });
  });
});
