import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, type Harness } from './support/harness.js';
import { addMatter, addNote, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Search shows only what the reader may see: people through their matters' teams, matters through
// their team (or an org-wide role), notes through their matter, privileged notes only to the legal team.

let h: Harness;
let lead: SignedIn; // attorney, lead on the team's matter
let teamParalegal: SignedIn;
let teamVolunteer: SignedIn;
let outsideParalegal: SignedIn; // paralegal on no team
let outsideAttorney: SignedIn; // attorney, org-wide reader, not on the team
let administrator: SignedIn;
let client: string;
let matter: string;
let openNote: string;
let privilegedNote: string;

type Group = { type: string; items: { id: string; label: string; link: string; subLabel: string | null }[] };
const ids = async (who: SignedIn, q: string, type: string) => {
  const res = await who.client.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  const group = (res.json().groups as Group[]).find((g) => g.type === type);
  return group?.items.map((i) => i.id) ?? [];
};

beforeAll(async () => {
  h = await createHarness();
  [lead, teamParalegal, teamVolunteer, outsideParalegal, outsideAttorney, administrator] = await Promise.all([
    signedIn(h, 'attorney'),
    signedIn(h, 'paralegal'),
    signedIn(h, 'volunteer'),
    signedIn(h, 'paralegal'),
    signedIn(h, 'attorney'),
    signedIn(h, 'administrator'),
  ]);
  client = await addPerson(h, 'Ernestine Marchetti', { identifiers: [{ system: 'cdcr', value: 'W12345' }] });
  matter = await addMatter(h, client, 'Marchetti habeas petition', [
    { userId: lead.id, matterRole: 'lead_attorney' },
    { userId: teamParalegal.id, matterRole: 'paralegal' },
    { userId: teamVolunteer.id, matterRole: 'volunteer' },
  ]);
  openNote = await addNote(h, matter, 'Called the warden about the transfer paperwork.');
  privilegedNote = await addNote(h, matter, 'Strategy: the warden transfer supports our timeline theory.', {
    isPrivileged: true,
  });
});
afterAll(() => h.close());

describe('a paralegal on no team', () => {
  it("does not find the team's client, by name or by identifier", async () => {
    expect(await ids(outsideParalegal, 'Ernestine Marchetti', 'people')).toEqual([]);
    expect(await ids(outsideParalegal, 'w-12345', 'people')).toEqual([]);
    expect(await ids(teamParalegal, 'w-12345', 'people')).toEqual([client]);
  });

  it("does not find the team's matter or its notes", async () => {
    expect(await ids(outsideParalegal, 'Marchetti habeas', 'matters')).toEqual([]);
    expect(await ids(outsideParalegal, 'warden transfer', 'notes')).toEqual([]);
  });

  it('finds a person they created, before any matter exists', async () => {
    const own = await addPerson(h, 'Theodora Quillfeather', { createdBy: outsideParalegal.id });
    expect(await ids(outsideParalegal, 'Theodora Quillfeather', 'people')).toEqual([own]);
    expect(await ids(teamParalegal, 'Theodora Quillfeather', 'people')).toEqual([]);
  });
});

describe('a volunteer on the team', () => {
  it('finds the client, the matter and the ordinary note, but not the privileged note', async () => {
    expect(await ids(teamVolunteer, 'Ernestine Marchetti', 'people')).toEqual([client]);
    expect(await ids(teamVolunteer, 'Marchetti habeas', 'matters')).toEqual([matter]);
    expect(await ids(teamVolunteer, 'warden transfer', 'notes')).toEqual([openNote]);
    expect(await ids(teamVolunteer, 'strategy timeline theory', 'notes')).toEqual([]);
  });
});

describe('the legal team', () => {
  it('finds privileged notes, and each such read is audited against the matter, without the text', async () => {
    const before = (await auditRows(h)).length;
    const found = await ids(teamParalegal, 'warden transfer', 'notes');
    expect(found.sort()).toEqual([openNote, privilegedNote].sort());
    const entries = (await auditRows(h)).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'note.privileged_read',
      entity_type: 'matter',
      entity_id: matter,
      actor_id: teamParalegal.id,
    });
    expect(entries[0]?.details).toEqual({ noteIds: [privilegedNote], isPrivileged: true, via: 'search' });
    expect(JSON.stringify(entries[0])).not.toContain('Strategy');
  });

  it('marks a privileged note as such and links to it inside its matter', async () => {
    const res = await lead.client.request('GET', '/api/v1/search?q=strategy&types=notes');
    const [hit] = res.json().groups[0].items;
    expect(hit).toMatchObject({
      id: privilegedNote,
      matterId: matter,
      link: `/matters/${matter}#note-${privilegedNote}`,
    });
    expect(hit.subLabel).toMatch(/^Privileged · Marchetti habeas petition · \d{4}-\d{2}-\d{2}$/);
  });

  it('writes no audit entry for a search that shows nothing privileged', async () => {
    const before = (await auditRows(h)).length;
    await ids(teamVolunteer, 'warden transfer', 'notes');
    await ids(teamParalegal, 'Marchetti', 'people');
    expect((await auditRows(h)).length).toBe(before);
  });
});

describe('org-wide readers', () => {
  it('an attorney off the team finds the client, the matter and the ordinary note, not the privileged one', async () => {
    expect(await ids(outsideAttorney, 'Ernestine Marchetti', 'people')).toEqual([client]);
    expect(await ids(outsideAttorney, 'Marchetti habeas', 'matters')).toEqual([matter]);
    expect(await ids(outsideAttorney, 'warden transfer', 'notes')).toEqual([openNote]);
  });

  it('an administrator does not read privileged notes by role', async () => {
    expect(await ids(administrator, 'strategy timeline theory', 'notes')).toEqual([]);
  });
});

describe('matter titles', () => {
  // A reader outside the org-wide roles is searched from the matters of their own teams, an org-wide
  // reader from the title index: the same matter must come back the same either way.
  let own: string;
  let others: string;
  const hits = async (who: SignedIn, q: string) => {
    const res = await who.client.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}&types=matters`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().groups[0].items as { id: string }[];
  };

  beforeAll(async () => {
    const person = await addPerson(h, 'Adaeze Okonkwo');
    own = await addMatter(h, person, 'Okonkwo clemency petition', [
      { userId: lead.id, matterRole: 'lead_attorney' },
      { userId: teamParalegal.id, matterRole: 'paralegal' },
      { userId: teamVolunteer.id, matterRole: 'volunteer' },
    ]);
    others = await addMatter(h, person, 'Okonkwo clemency review', [{ userId: lead.id, matterRole: 'lead_attorney' }]);
  });

  it("finds only the matters of the reader's teams, misspelt words included", async () => {
    expect((await hits(teamParalegal, 'okonkwo clemency')).map((i) => i.id)).toEqual([own]);
    expect((await hits(teamVolunteer, 'Okonkwo clemncy')).map((i) => i.id)).toEqual([own]);
    expect(await hits(outsideParalegal, 'okonkwo clemency')).toEqual([]);
    expect((await hits(outsideAttorney, 'okonkwo clemency')).map((i) => i.id).sort()).toEqual([own, others].sort());
  });

  it('answers a team member with the same hit, score included, as an org-wide reader', async () => {
    const fromTeam = (await hits(teamParalegal, 'clemency petition')).find((i) => i.id === own);
    const fromIndex = (await hits(outsideAttorney, 'clemency petition')).find((i) => i.id === own);
    expect(fromTeam).toBeDefined();
    expect(fromTeam).toEqual(fromIndex);
  });
});

describe('API tokens', () => {
  it('a read token may search and sees what its user sees', async () => {
    const created = await teamVolunteer.client.request('POST', '/api/v1/tokens', { name: 'reader', scopes: ['read'] });
    expect(created.statusCode, created.body).toBe(201);
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=warden%20transfer&types=notes',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().groups[0].items.map((i: { id: string }) => i.id)).toEqual([openNote]);
  });
});
