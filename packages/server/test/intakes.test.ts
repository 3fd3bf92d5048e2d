import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness } from './support/harness.js';
import { addConvictionParties, addMatter, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Intake triage over HTTP: the queue and its filters, recording and filling an intake, assignment,
// decisions, duplicates and prior intakes, the conflict check, accepting into a person and a matter
// without retyping, documents, first response, metrics, and who may do any of it.

let h: Harness;
let paralegal: SignedIn;
let attorney: SignedIn;
let volunteer: SignedIn;
let investigator: SignedIn;
let facility: { id: string; name: string };

// biome-ignore lint/suspicious/noExplicitAny: response bodies, read loosely in assertions
type Json = Record<string, any>;

const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Json;
};

const create = (c: Client, body: Json) => ok(c.request('POST', '/api/v1/intakes', body), 201);

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const png = (width: number, height: number) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
const upload = (c: Client, intakeId: string, fileName: string, content: Buffer, fields: [string, string][] = []) => {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const [name, value] of fields) {
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  pieces.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return c.request('POST', `/api/v1/intakes/${intakeId}/documents`, Buffer.concat(pieces), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
};

const LETTER = {
  background: {
    name: 'Ramon Delgado Ortiz',
    aliases: ['Ray Ortiz'],
    prisonerNumber: 'AB-1234',
    numberSystem: 'cdcr',
    jurisdiction: 'ca',
    dateOfBirth: '1971-05-09',
    language: 'es',
  },
  conviction: {
    offence: 'Robbery in the second degree',
    statutes: ['PC 211', 'PC 12022(b)(1)'],
    county: 'Fresno',
    court: 'Fresno County Superior Court',
    caseNumber: 'F-98-112',
    convictionDate: '1999-02-11',
    sentence: '25 years to life',
    coDefendants: ['Tomas Vickery'],
  },
  claim: { claimType: 'actual_innocence', innocenceClaim: 'I was at work at the cannery that night.' },
  trial: { trialOrPlea: 'trial', defenceCounsel: 'Harold Minsk' },
  evidence: { dnaTestable: 'yes', physicalEvidence: 'A cap left at the scene' },
  materials: { has: ['trial_transcript', 'appeal_briefs'] },
};

beforeAll(async () => {
  h = await createHarness();
  h.deps.jobs = { send: async () => undefined };
  [paralegal, attorney, volunteer, investigator] = await Promise.all([
    signedIn(h, 'paralegal'),
    signedIn(h, 'attorney'),
    signedIn(h, 'volunteer'),
    signedIn(h, 'investigator'),
  ]);
  const found = await h.database.db
    .selectFrom('facilities')
    .select(['id', 'name'])
    .where('jurisdiction', '=', 'CA')
    .orderBy('name')
    .executeTakeFirst();
  if (found) facility = found;
  else {
    facility = { id: crypto.randomUUID(), name: 'Test State Prison' };
    await h.database.db
      .insertInto('facilities')
      .values({ ...facility, jurisdiction: 'CA' })
      .execute();
  }
});
afterAll(() => h.close());

describe('access', () => {
  it('refuses volunteers and investigators (403) and anonymous callers (401)', async () => {
    for (const who of [volunteer, investigator]) {
      expectError(await who.client.request('GET', '/api/v1/intakes'), 403, 'access.denied');
      expectError(
        await who.client.request('POST', '/api/v1/intakes', { channel: 'mailed_letter' }),
        403,
        'access.denied',
      );
      expectError(await who.client.request('GET', '/api/v1/intakes/metrics'), 403, 'access.denied');
    }
    expectError(await h.app.inject({ method: 'GET', url: '/api/v1/intakes' }), 401, 'auth.required');
  });

  it('answers 404 for an unknown intake', async () => {
    expectError(
      await paralegal.client.request('GET', `/api/v1/intakes/${crypto.randomUUID()}`),
      404,
      'intake.not_found',
    );
    expectError(
      await paralegal.client.request('POST', `/api/v1/intakes/${crypto.randomUUID()}/decision`, {
        decision: 'waitlisted',
      }),
      404,
      'intake.not_found',
    );
  });
});

describe('recording and triage', () => {
  let intakeId: string;

  it('records a mailed letter with a reference, state new, and an audit entry', async () => {
    const intake = await create(paralegal.client, { channel: 'mailed_letter', receivedOn: '2026-02-20' });
    intakeId = intake.id;
    expect(intake).toMatchObject({
      channel: 'mailed_letter',
      state: 'new',
      decision: null,
      receivedOn: '2026-02-20',
      ageDays: 10,
      language: 'en',
      questionnaire: {},
      documents: [],
      duplicates: [],
      priorIntakes: [],
      createdBy: { id: paralegal.id },
    });
    expect(intake.reference).toMatch(/^IN-2026-\d{5}$/);
    const audit = await auditRows(h);
    expect(audit.at(-1)).toMatchObject({ action: 'intake.created', entity_id: intakeId });
  });

  it('refuses a public_form channel from staff and HTML in the questionnaire', async () => {
    const res = await paralegal.client.request('POST', '/api/v1/intakes', { channel: 'public_form' });
    expect(expectError(res, 400, 'request.invalid').details).toHaveProperty('channel');
    const html = await paralegal.client.request('POST', '/api/v1/intakes', {
      channel: 'mailed_letter',
      questionnaire: { background: { name: '<script>alert(1)</script>' } },
    });
    expect(expectError(html, 400, 'request.invalid').details).toEqual({
      'questionnaire.background.name': 'Plain text only',
    });
  });

  it('fills the questionnaire section by section, which starts the review', async () => {
    const first = await ok(
      paralegal.client.request('PATCH', `/api/v1/intakes/${intakeId}`, {
        questionnaire: { background: { ...LETTER.background, facilityId: facility.id } },
      }),
    );
    expect(first).toMatchObject({
      state: 'in_review',
      applicantName: 'Ramon Delgado Ortiz',
      prisonerNumber: 'AB-1234',
      numberSystem: 'cdcr',
      jurisdiction: 'CA',
      language: 'es',
      facility: { id: facility.id, name: facility.name },
    });
    const second = await ok(
      paralegal.client.request('PATCH', `/api/v1/intakes/${intakeId}`, {
        questionnaire: {
          conviction: LETTER.conviction,
          claim: LETTER.claim,
          trial: LETTER.trial,
          evidence: LETTER.evidence,
          materials: LETTER.materials,
        },
      }),
    );
    expect(second.questionnaire.background.name).toBe('Ramon Delgado Ortiz');
    expect(second).toMatchObject({ claimType: 'actual_innocence' });
    expect(second.questionnaire.conviction.statutes).toEqual(['PC 211', 'PC 12022(b)(1)']);
  });

  it('assigns to someone who may triage, and not to a volunteer', async () => {
    const assigned = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${intakeId}/assign`, { userId: attorney.id }),
    );
    expect(assigned.assignedTo).toMatchObject({ id: attorney.id });
    const refused = await paralegal.client.request('POST', `/api/v1/intakes/${intakeId}/assign`, {
      userId: volunteer.id,
    });
    expect(expectError(refused, 400, 'request.invalid').details?.userId).toMatch(/cannot triage/);
  });

  it('filters the queue by state, jurisdiction, claim type, language, assignee and age', async () => {
    const other = await create(paralegal.client, {
      channel: 'phone_call',
      receivedOn: '2025-10-01',
      questionnaire: { background: { name: 'Wendell Price', jurisdiction: 'TX' }, claim: { claimType: 'clemency' } },
    });
    const ids = async (query: string) =>
      ((await ok(attorney.client.request('GET', `/api/v1/intakes?${query}`))).items as Json[]).map((i) => i.id);
    expect(await ids('jurisdiction=CA')).toContain(intakeId);
    expect(await ids('jurisdiction=CA')).not.toContain(other.id);
    expect(await ids('claimType=clemency')).toEqual([other.id]);
    expect(await ids('language=es')).toEqual([intakeId]);
    expect(await ids('assignedTo=me')).toEqual([intakeId]);
    expect(await ids('assignedTo=none')).toContain(other.id);
    expect(await ids('state=in_review')).toEqual([intakeId]);
    expect(await ids('age=90%2B')).toEqual([other.id]);
    expect(await ids('age=8-30')).toEqual([intakeId]);
    expect(await ids('receivedBefore=2026-01-01')).toEqual([other.id]);
    // Oldest first, one per page, with a cursor.
    const page1 = await ok(attorney.client.request('GET', '/api/v1/intakes?limit=1'));
    expect(page1.items[0].id).toBe(other.id);
    const page2 = await ok(
      attorney.client.request('GET', `/api/v1/intakes?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`),
    );
    expect(page2.items[0].id).not.toBe(other.id);
    expectError(await attorney.client.request('GET', '/api/v1/intakes?cursor=zzz'), 400, 'request.invalid');
  });

  it('needs a reason to decline, and a reopened intake can be decided again', async () => {
    const other = await create(paralegal.client, { channel: 'referral', submittedBy: { name: 'Fresno Defenders' } });
    const missing = await paralegal.client.request('POST', `/api/v1/intakes/${other.id}/decision`, {
      decision: 'declined',
    });
    expect(expectError(missing, 400, 'request.invalid').details).toEqual({ reason: 'Say why the intake is declined' });
    const referNoOrg = await paralegal.client.request('POST', `/api/v1/intakes/${other.id}/decision`, {
      decision: 'referred',
      reason: 'Arizona case',
    });
    expect(expectError(referNoOrg, 400, 'request.invalid').details).toHaveProperty('referralOrganisation');
    const declined = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${other.id}/decision`, {
        decision: 'declined',
        reason: 'No claim of innocence',
      }),
    );
    expect(declined).toMatchObject({
      state: 'decided',
      decision: 'declined',
      decisionReason: 'No claim of innocence',
      decidedBy: { id: paralegal.id },
    });
    // Editing a decided intake needs a reopen first.
    expectError(
      await paralegal.client.request('PATCH', `/api/v1/intakes/${other.id}`, { receivedOn: '2026-02-01' }),
      409,
      'intake.decided',
    );
    const reopened = await ok(paralegal.client.request('PATCH', `/api/v1/intakes/${other.id}`, { state: 'in_review' }));
    expect(reopened).toMatchObject({ state: 'in_review', decision: null, decisionReason: null });
    const referred = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${other.id}/decision`, {
        decision: 'referred',
        reason: 'Outside our region',
        referralOrganisation: 'Northern California Innocence Project',
      }),
    );
    expect(referred).toMatchObject({
      decision: 'referred',
      referralOrganisation: 'Northern California Innocence Project',
    });
    const actions = (await auditRows(h)).filter((a) => a.entity_id === other.id).map((a) => a.action);
    expect(actions).toEqual(['intake.created', 'intake.decided', 'intake.reopened', 'intake.decided']);
  });
});

describe('duplicates, prior intakes and conflicts', () => {
  it('shows a known person with a misspelt name and the same CDCR number, and a prior intake', async () => {
    const known = await addPerson(h, 'Marcus Oyelaran', {
      identifiers: [{ system: 'cdcr', value: 'C98556' }],
      dateOfBirth: '1964-03-30',
    });
    const prior = await create(paralegal.client, {
      channel: 'mailed_letter',
      receivedOn: '2025-06-01',
      questionnaire: { background: { name: 'Marcus Oyelaran', prisonerNumber: 'C98556', numberSystem: 'cdcr' } },
    });
    const intake = await create(paralegal.client, {
      channel: 'mailed_letter',
      questionnaire: { background: { name: 'Marcus Oyelaren', prisonerNumber: 'c-98556', numberSystem: 'cdcr' } },
    });
    // People are shown as the reader may see them: the paralegal on no team does not see this person,
    // an attorney (organisation-wide reader) does.
    expect(intake.duplicates).toEqual([]);
    const seen = await ok(attorney.client.request('GET', `/api/v1/intakes/${intake.id}`));
    expect(seen.duplicates[0]).toMatchObject({ personId: known, strength: 'strong' });
    expect(seen.duplicates[0].reasons).toEqual(expect.arrayContaining(['identifier', 'name']));
    expect(intake.priorIntakes).toEqual([
      expect.objectContaining({ id: prior.id, reference: prior.reference, strength: 'strong' }),
    ]);
  });

  it('flags an applicant who matches a victim, and accepting needs the acknowledgement', async () => {
    const client = await addPerson(h, 'Bernard Ashcombe');
    await addMatter(h, client, 'Ashcombe habeas', [{ userId: attorney.id, matterRole: 'lead_attorney' }]);
    await addConvictionParties(h, client, [{ role: 'victim', name: 'Leopold Fairweather' }]);
    const intake = await create(paralegal.client, {
      channel: 'mailed_letter',
      questionnaire: { background: { name: 'Leopold Fairwether' } },
    });
    expect(intake.conflicts.checkedNames).toEqual(['Leopold Fairwether']);
    expect(intake.conflicts.matches[0]).toMatchObject({ kind: 'victim', isNameWithheld: true, name: null });
    // The attorney on the legal team sees the name.
    const seen = await ok(attorney.client.request('GET', `/api/v1/intakes/${intake.id}`));
    expect(seen.conflicts.matches[0]).toMatchObject({ kind: 'victim', name: 'Leopold Fairweather' });

    const refused = await paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, {
      matterType: 'innocence_investigation',
    });
    expectError(refused, 409, 'intake.conflicts_unacknowledged');
    const count = await h.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('legal_name', '=', 'Leopold Fairwether')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    const accepted = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, {
        matterType: 'innocence_investigation',
        acknowledgeConflicts: true,
      }),
      201,
    );
    expect(accepted.intake).toMatchObject({ state: 'decided', decision: 'accepted' });
    const audit = (await auditRows(h)).find((a) => a.action === 'intake.accepted' && a.entity_id === intake.id);
    expect(audit?.details).toMatchObject({ conflicts: 1, isConflictAcknowledged: true });
  });
});

describe('accepting an intake', () => {
  it('creates the person, identifier, placement, conviction and matter from the questionnaire, and moves the documents', async () => {
    const intake = await create(paralegal.client, {
      channel: 'mailed_letter',
      receivedOn: '2026-02-23',
      questionnaire: {
        ...LETTER,
        background: {
          ...LETTER.background,
          name: 'Isidro Quintanilla',
          aliases: ['Chilo'],
          prisonerNumber: 'AK5512',
          facilityId: facility.id,
        },
        conviction: { ...LETTER.conviction, coDefendants: ['Harlan Voss'] },
      },
    });
    const doc = await ok(upload(paralegal.client, intake.id, 'letter.png', png(30, 20)), 201);
    expect(doc).toMatchObject({
      intakeId: intake.id,
      personId: null,
      kind: 'letter_scan',
      ocr: { state: 'queued', language: 'spa' },
    });
    const content = await paralegal.client.request('GET', `/api/v1/intakes/${intake.id}/documents/${doc.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expectError(
      await paralegal.client.request('GET', `/api/v1/intakes/${crypto.randomUUID()}/documents/${doc.id}/content`),
      404,
      'intake.not_found',
    );

    const accepted = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, {
        matterType: 'innocence_investigation',
        reason: 'Strong alibi, DNA testable',
      }),
      201,
    );
    expect(accepted.matter).toMatchObject({ type: 'innocence_investigation' });
    expect(accepted.intake).toMatchObject({
      state: 'decided',
      decision: 'accepted',
      decisionReason: 'Strong alibi, DNA testable',
      person: { id: accepted.person.id, legalName: 'Isidro Quintanilla' },
      matter: { id: accepted.matter.id },
    });
    expect(accepted.intake.documents[0]).toMatchObject({ id: doc.id, personId: accepted.person.id });

    const person = await ok(paralegal.client.request('GET', `/api/v1/people/${accepted.person.id}`));
    expect(person).toMatchObject({
      legalName: 'Isidro Quintanilla',
      dateOfBirth: '1971-05-09',
      preferredLanguage: 'Spanish',
      status: 'in_custody',
    });
    expect(person.aliases).toEqual([expect.objectContaining({ name: 'Chilo', kind: 'alias' })]);
    expect(person.identifiers).toEqual([expect.objectContaining({ system: 'cdcr', value: 'AK5512' })]);
    expect(person.placements[0]).toMatchObject({
      facilityId: facility.id,
      fromDate: '2026-02-23',
      learnedFrom: 'letter',
    });
    expect(person.convictions[0]).toMatchObject({
      caseNumber: 'F-98-112',
      court: 'Fresno County Superior Court',
      county: 'Fresno',
      jurisdiction: 'CA',
      convictionDate: '1999-02-11',
      defenseCounsel: 'Harold Minsk',
    });
    expect(person.convictions[0].counts.map((c: Json) => c.statute)).toEqual(['PC 211', 'PC 12022(b)(1)']);
    expect(person.convictions[0].parties).toEqual([
      expect.objectContaining({ role: 'co_defendant', name: 'Harlan Voss' }),
    ]);
    expect(person.matters).toEqual([expect.objectContaining({ id: accepted.matter.id })]);
    const personDocs = await ok(paralegal.client.request('GET', `/api/v1/people/${accepted.person.id}/documents`));
    expect(personDocs.items.map((d: Json) => d.id)).toEqual([doc.id]);

    const actions = (await auditRows(h)).slice(-8).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['person.created', 'placement.added', 'matter.opened', 'intake.accepted']),
    );
    // Accepted is final: no second accept, no reopen.
    expectError(
      await paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, { matterType: 'habeas' }),
      409,
      'intake.decided',
    );
    expectError(
      await paralegal.client.request('PATCH', `/api/v1/intakes/${intake.id}`, { state: 'in_review' }),
      409,
      'intake.decided',
    );
  });

  it('rolls everything back when a step fails (a prisoner number another person holds)', async () => {
    await addPerson(h, 'Someone Else Entirely', { identifiers: [{ system: 'cdcr', value: 'K12345' }] });
    const intake = await create(paralegal.client, {
      channel: 'phone_call',
      questionnaire: { background: { name: 'Delphine Arceneaux', prisonerNumber: 'K12345', numberSystem: 'cdcr' } },
    });
    const res = await paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, {
      matterType: 'habeas',
      acknowledgeConflicts: true,
    });
    expect(expectError(res, 409, 'person.identifier_taken').details).toHaveProperty(
      'questionnaire.background.prisonerNumber',
    );
    const people = await h.database.db
      .selectFrom('people')
      .select('id')
      .where('legal_name', '=', 'Delphine Arceneaux')
      .execute();
    expect(people).toEqual([]);
    expect((await ok(paralegal.client.request('GET', `/api/v1/intakes/${intake.id}`))).state).toBe('new');
  });

  it('names the questionnaire field when the record cannot be made (no name, a bad CDCR number)', async () => {
    const intake = await create(paralegal.client, {
      channel: 'mailed_letter',
      questionnaire: { background: { prisonerNumber: '12', numberSystem: 'cdcr' } },
    });
    const res = await paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, { matterType: 'habeas' });
    expect(Object.keys(expectError(res, 400, 'intake.incomplete').details ?? {})).toEqual(
      expect.arrayContaining(['questionnaire.background.name', 'questionnaire.background.prisonerNumber']),
    );
    const overridden = await ok(
      paralegal.client.request('PATCH', `/api/v1/intakes/${intake.id}`, {
        questionnaire: { background: { prisonerNumber: 'T40012', numberSystem: 'cdcr' } },
      }),
    );
    expect(overridden.prisonerNumber).toBe('T40012');
    const accepted = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/accept`, {
        matterType: 'habeas',
        personOverrides: { legalName: 'Nameless Applicant' },
        acknowledgeConflicts: true,
      }),
      201,
    );
    expect(accepted.person.legalName).toBe('Nameless Applicant');
  });
});

describe('first response and metrics', () => {
  it('records the first response once, and counts the metrics', async () => {
    const intake = await create(paralegal.client, { channel: 'mailed_letter', receivedOn: '2026-02-16' });
    const answered = await ok(
      paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/first-response`, { respondedOn: '2026-02-26' }),
    );
    expect(answered.firstResponseOn).toBe('2026-02-26');
    const again = await ok(paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/first-response`, {}));
    expect(again.firstResponseOn).toBe('2026-02-26');
    expectError(
      await paralegal.client.request('POST', `/api/v1/intakes/${intake.id}/first-response`, { respondedOn: 'soon' }),
      400,
      'request.invalid',
    );

    const metrics = await ok(attorney.client.request('GET', '/api/v1/intakes/metrics?from=2026-01-05&to=2026-03-02'));
    expect(metrics.from).toBe('2026-01-05');
    const week = metrics.receivedPerWeek.find((w: Json) => w.weekStart === '2026-02-16');
    expect(week).toMatchObject({ week: '2026-W08' });
    expect(week.letters).toBeGreaterThanOrEqual(1);
    expect(metrics.firstResponse).toMatchObject({ count: 1, medianDays: 10, p90Days: 10 });
    const backlog = Object.fromEntries(metrics.backlog.map((b: Json) => [b.bucket, b.count]));
    expect(backlog['90+']).toBeGreaterThanOrEqual(1);
    expect(metrics.decisionsByReason).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ decision: 'accepted', reason: 'Strong alibi, DNA testable', count: 1 }),
      ]),
    );
    expectError(
      await attorney.client.request('GET', '/api/v1/intakes/metrics?from=2026-03-01&to=2026-01-01'),
      400,
      'request.invalid',
    );
  });
});
