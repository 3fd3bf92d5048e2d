import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { addMatter, addNote, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Notes by PostgreSQL full-text search: English stems, web-search syntax, ranked, with a passage.

let h: Harness;
let lead: SignedIn;
let matter: string;
let dnaNote: string;
let hearingNote: string;
let scriptNote: string;

type NoteHit = {
  id: string;
  label: string;
  score: number;
  highlights: { text: string; isMatch: boolean }[];
  matchedOn: string;
};
const notes = async (q: string, extra = '') => {
  const res = await lead.client.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}&types=notes${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().groups[0].items as NoteHit[];
};

beforeAll(async () => {
  h = await createHarness();
  lead = await signedIn(h, 'attorney');
  const person = await addPerson(h, 'Walter Ochoa');
  matter = await addMatter(h, person, 'Ochoa DNA testing', [{ userId: lead.id, matterRole: 'lead_attorney' }]);
  dnaNote = await addNote(
    h,
    matter,
    'The county lab tested the sexual assault kit in 2003.\n\nNobody compared the profile to CODIS; the analyst retired.',
  );
  hearingNote = await addNote(h, matter, 'Hearing set before Judge Alvarez. Prepare the testing motion and exhibits.');
  scriptNote = await addNote(
    h,
    matter,
    'Odd email: <script>alert("laboratory")</script> received from the laboratory.',
  );
});
afterAll(() => h.close());

describe('notes full-text search', () => {
  it('finds by word stems: "testing" finds "tested"', async () => {
    const hits = await notes('testing');
    expect(hits.map((n) => n.id).sort()).toEqual([dnaNote, hearingNote].sort());
    expect(hits.every((n) => n.matchedOn === 'text' && n.score > 0)).toBe(true);
  });

  it('needs every word, like a web search, and honours "quoted phrases" and -exclusions', async () => {
    expect((await notes('tested CODIS')).map((n) => n.id)).toEqual([dnaNote]);
    expect((await notes('"sexual assault kit"')).map((n) => n.id)).toEqual([dnaNote]);
    expect((await notes('"assault sexual"')).map((n) => n.id)).toEqual([]);
    expect((await notes('testing -codis')).map((n) => n.id)).toEqual([hearingNote]);
    expect((await notes('codis or alvarez')).map((n) => n.id).sort()).toEqual([dnaNote, hearingNote].sort());
  });

  it('ranks the closer match first', async () => {
    await addNote(h, matter, 'Motion: testing, testing and more DNA testing of the kit; testing protocol attached.');
    const [first] = await notes('testing kit');
    expect(first?.label).toContain('Motion');
  });

  it('returns a passage with the matched words marked, as plain text', async () => {
    const [hit] = await notes('CODIS');
    expect(hit?.highlights).toContainEqual({ text: 'CODIS', isMatch: true });
    expect(hit?.label).toContain('Nobody compared the profile to CODIS');
    expect(hit?.label).not.toMatch(/[\n\ue000\ue001]/);
  });

  it('leaves markup out of the passage: the text-search parser drops tags, and the rest is plain text', async () => {
    const [hit] = await notes('laboratory');
    expect(hit?.id).toBe(scriptNote);
    expect(hit?.label).toBe('email: alert("laboratory") received from the laboratory');
    expect(hit?.highlights.filter((s) => s.isMatch).map((s) => s.text)).toContain('laboratory');
  });

  it('finds nothing for stop words alone, without an error', async () => {
    expect(await notes('the and of')).toEqual([]);
  });
});
