import { insertDocument, insertIntake, setDocumentOcr } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { addMatter, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Intakes (reference, applicant's name, prisoner number, their letters' text) for those who may
// triage them, and people's documents by their text for those who may see the person (privileged
// ones for the legal team only), from the one search box.

let h: Harness;
let lead: SignedIn;
let otherAttorney: SignedIn;
let paralegal: SignedIn;
let volunteer: SignedIn;
let intakeId: string;
let visiblePerson: string;
let plainDocument: string;
let privilegedDocument: string;
let hiddenDocument: string;

type Hit = { id: string; label: string; subLabel: string | null; link: string; matchedOn: string; personId?: string };
type Body = { groups: { type: string; items: Hit[]; hasMore: boolean }[] };

const search = async (who: SignedIn, q: string, types = '') => {
  const res = await who.client.request(
    'GET',
    `/api/v1/search?q=${encodeURIComponent(q)}${types ? `&types=${types}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Body;
};
const hitsOf = (body: Body, type: string) => body.groups.find((g) => g.type === type)?.items ?? [];

const addDocument = async (
  owner: { personId?: string; intakeId?: string },
  fileName: string,
  text: string,
  isPrivileged = false,
) => {
  const id = crypto.randomUUID();
  await insertDocument(h.database.db, {
    id,
    personId: owner.personId ?? null,
    intakeId: owner.intakeId ?? null,
    kind: 'other',
    fileName,
    mediaType: 'application/pdf',
    bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    sha256: id,
    isPrivileged,
    uploadedBy: null,
    now: h.clock.now(),
  });
  await setDocumentOcr(h.database.db, id, { state: 'done', language: 'eng', text, confidence: 0.9 });
  return id;
};

beforeAll(async () => {
  h = await createHarness();
  lead = await signedIn(h, 'attorney');
  otherAttorney = await signedIn(h, 'attorney');
  paralegal = await signedIn(h, 'paralegal');
  volunteer = await signedIn(h, 'volunteer');

  const now = h.clock.now();
  ({ id: intakeId } = await insertIntake(h.database.db, {
    id: crypto.randomUUID(),
    reference: 'IN-2026-00042',
    channel: 'mailed_letter',
    decision: null,
    decision_reason: null,
    referral_organisation: null,
    applicant_name: 'Rosalind Featherstone',
    applicant_dob: null,
    prisoner_number: 'AB-1234',
    number_system: 'cdcr',
    facility_id: null,
    jurisdiction: null,
    claim_type: null,
    questionnaire: {},
    submitted_by_name: null,
    submitted_by_relationship: null,
    submitted_by_contact: null,
    assigned_to: null,
    person_id: null,
    matter_id: null,
    received_on: '2026-01-05',
    first_response_on: null,
    decided_at: null,
    decided_by: null,
    created_by: null,
    created_at: now,
    updated_at: now,
  }));
  await addDocument({ intakeId }, 'letter.pdf', 'I was at the laundromat on Fenwick Street that night.');

  visiblePerson = await addPerson(h, 'Walter Ochoa');
  await addMatter(h, visiblePerson, 'Ochoa DNA testing', [
    { userId: lead.id, matterRole: 'lead_attorney' },
    { userId: paralegal.id, matterRole: 'paralegal' },
    { userId: volunteer.id, matterRole: 'volunteer' },
  ]);
  plainDocument = await addDocument(
    { personId: visiblePerson },
    'lab-report.pdf',
    'The county laboratory found no zeppelin fibres on the jacket.',
  );
  privilegedDocument = await addDocument(
    { personId: visiblePerson },
    'strategy-memo.pdf',
    'Zeppelin theory: our strategy for the habeas petition.',
    true,
  );
  const hiddenPerson = await addPerson(h, 'Nadia Quill');
  await addMatter(h, hiddenPerson, 'Quill resentencing', [{ userId: otherAttorney.id, matterRole: 'lead_attorney' }]);
  hiddenDocument = await addDocument({ personId: hiddenPerson }, 'zeppelin.pdf', 'Another zeppelin letter.');
});
afterAll(() => h.close());

describe('intakes in search', () => {
  it('finds an intake by its reference, exactly and whatever the case', async () => {
    const hits = hitsOf(await search(lead, 'in-2026-00042'), 'intakes');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      id: intakeId,
      label: 'Rosalind Featherstone',
      link: `/intake/${intakeId}`,
      matchedOn: 'reference',
    });
    expect(hitsOf(await search(lead, 'IN-2026-0004', 'intakes'), 'intakes')).toEqual([]);
  });

  it("finds an intake by its applicant's misspelt name and by prisoner number", async () => {
    const byName = hitsOf(await search(paralegal, 'Rosalind Featherstoen', 'intakes'), 'intakes');
    expect(byName.map((i) => [i.id, i.matchedOn])).toEqual([[intakeId, 'name']]);
    const byNumber = hitsOf(await search(paralegal, 'ab 1234', 'intakes'), 'intakes');
    expect(byNumber.map((i) => [i.id, i.matchedOn])).toEqual([[intakeId, 'identifier']]);
  });

  it("finds an intake by a word of its letter's OCR text", async () => {
    const hits = hitsOf(await search(lead, 'laundromat', 'intakes'), 'intakes');
    expect(hits.map((i) => [i.id, i.matchedOn])).toEqual([[intakeId, 'text']]);
  });

  it('gives no intake group to someone who may not triage intakes', async () => {
    const all = await search(volunteer, 'IN-2026-00042');
    expect(all.groups.map((g) => g.type)).toEqual(['people', 'matters', 'contacts', 'notes', 'documents']);
    expect((await search(volunteer, 'laundromat', 'intakes')).groups).toEqual([]);
  });
});

describe("people's documents in search", () => {
  it('finds a document by its text, with the file name, the person and a passage', async () => {
    const hits = hitsOf(await search(otherAttorney, 'fibres', 'documents'), 'documents');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      id: plainDocument,
      label: 'lab-report.pdf',
      subLabel: 'Walter Ochoa',
      link: `/people/${visiblePerson}`,
      personId: visiblePerson,
      matchedOn: 'text',
    });
    expect((hits[0] as Hit & { highlights: { text: string; isMatch: boolean }[] }).highlights).toContainEqual({
      text: 'fibres',
      isMatch: true,
    });
  });

  it('shows only documents of people the reader may see', async () => {
    const ids = hitsOf(await search(paralegal, 'zeppelin', 'documents'), 'documents').map((d) => d.id);
    expect(ids).toContain(plainDocument);
    expect(ids).not.toContain(hiddenDocument);
    const outsider = await signedIn(h, 'paralegal');
    expect(hitsOf(await search(outsider, 'zeppelin', 'documents'), 'documents')).toEqual([]);
  });

  it("shows a privileged document only to the person's legal team", async () => {
    const leadIds = hitsOf(await search(lead, 'zeppelin', 'documents'), 'documents').map((d) => d.id);
    expect(leadIds).toEqual(expect.arrayContaining([plainDocument, privilegedDocument]));
    const paralegalIds = hitsOf(await search(paralegal, 'zeppelin', 'documents'), 'documents').map((d) => d.id);
    expect(paralegalIds).toContain(privilegedDocument);
    for (const who of [otherAttorney, volunteer]) {
      const ids = hitsOf(await search(who, 'zeppelin', 'documents'), 'documents').map((d) => d.id);
      expect(ids).toContain(plainDocument);
      expect(ids).not.toContain(privilegedDocument);
    }
  });
});
