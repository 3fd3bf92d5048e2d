import { MATTER_OUTCOMES, MATTER_TYPES } from '@redress/core';
import { findAttorneyProfile, findUserByEmail, updateUser } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { checkDemoStory, demoCounts, demoOutcomes } from '../src/demo/check-demo-story.js';
import { DEMO_STORY } from '../src/demo/demo-story.js';
import { type SeedDemoResult, seedDemoWorkspace } from '../src/demo/seed-demo-workspace.js';
import { auditRows, type Client, createHarness, type Harness, PASSWORD, signIn } from './support/harness.js';
import { expectStatus } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
let adminId: string;
let seeded: SeedDemoResult;

beforeAll(async () => {
  h = await createHarness();
  const root = await findUserByEmail(h.database.db, 'root@example.org');
  if (!root) throw new Error('the harness has no administrator');
  adminId = root.id;
  seeded = await seedDemoWorkspace(h.deps, { adminUserId: adminId });
  // The administrator is on no matter team: everything below is what an administrator reads org-wide.
  await updateUser(h.database.db, adminId, { password_hash: await hashPassword(PASSWORD) }, h.clock.now());
  admin = await signIn(h, 'root@example.org');
});
afterAll(() => h.close());

type PersonSummary = {
  id: string;
  legalName: string;
  status: string;
  hasMailHold: boolean;
  currentPlacement: { facilityName: string; housing: string | null } | null;
};
type MatterSummary = { id: string; personId: string; type: string; outcome: string; releaseDate: string | null };

const people = async (): Promise<PersonSummary[]> =>
  (await expectStatus(admin.request('GET', '/api/v1/people?limit=200'), 200)).items;
const matters = async (query = ''): Promise<MatterSummary[]> =>
  (await expectStatus(admin.request('GET', `/api/v1/matters?limit=200${query}`), 200)).items;
const personNamed = async (legalName: string) => {
  const found = (await people()).find((p) => p.legalName === legalName);
  if (!found) throw new Error(`${legalName} is not in the demo workspace`);
  return found;
};

describe('the demo story', () => {
  it('holds together by the rules the API enforces', () => {
    expect(checkDemoStory(DEMO_STORY)).toEqual([]);
  });

  it('is written once, with a demo.seeded audit entry that counts it, and not again', async () => {
    const counts = demoCounts(DEMO_STORY);
    expect(seeded).toEqual({ seeded: true, counts });
    expect(counts).toMatchObject({ users: 6, people: 25, matters: 39, peopleFreed: 18 });

    expect(await seedDemoWorkspace(h.deps, { adminUserId: adminId })).toEqual({ seeded: false });
    const rows = await auditRows(h);
    const seededEntries = rows.filter((r) => r.action === 'demo.seeded');
    expect(seededEntries).toHaveLength(1);
    expect(seededEntries[0]?.details).toMatchObject({ administratorId: adminId, ...counts });
    expect(seededEntries[0]?.actor_label).toBe('demo seed');
    expect(rows.filter((r) => r.action === 'matter.opened')).toHaveLength(counts.matters);
    expect(rows.filter((r) => r.action === 'person.created')).toHaveLength(counts.people);
    expect((await people()).length).toBe(counts.people);
  });

  it('shows outcome counts that add up: 18 people freed, and every matter counted once by outcome and type', async () => {
    const stats = await expectStatus(admin.request('GET', '/api/v1/stats/outcomes'), 200);
    expect(stats).toEqual(demoOutcomes(DEMO_STORY));
    expect(stats.peopleFreed).toBe(18);
    expect(stats.total).toBe(39);
    expect(stats.byOutcome).toEqual({ pending: 12, granted: 20, denied: 5, withdrawn: 1, moot: 1 });

    const sum = (byOutcome: Record<string, number>) => MATTER_OUTCOMES.reduce((n, o) => n + (byOutcome[o] ?? 0), 0);
    expect(sum(stats.byOutcome)).toBe(stats.total);
    const byType: { type: string; total: number; byOutcome: Record<string, number> }[] = stats.byType;
    expect(byType.map((t) => t.type)).toEqual([...MATTER_TYPES]);
    expect(byType.reduce((n, t) => n + t.total, 0)).toBe(stats.total);
    for (const t of byType) expect(sum(t.byOutcome), t.type).toBe(t.total);

    // The same counts from the matter list, outcome by outcome.
    const all = await matters();
    expect(all).toHaveLength(stats.total);
    for (const outcome of MATTER_OUTCOMES) {
      expect((await matters(`&outcome=${outcome}`)).length, outcome).toBe(stats.byOutcome[outcome]);
    }
    // People freed: distinct people with a granted matter and a release date (one man's innocence
    // investigation and habeas petition both freed him; he counts once).
    const freeing = all.filter((m) => m.outcome === 'granted' && m.releaseDate !== null);
    expect(freeing).toHaveLength(19);
    expect(new Set(freeing.map((m) => m.personId)).size).toBe(stats.peopleFreed);

    // And everyone freed is recorded as out; everyone else is still held.
    const everyone = await people();
    const freedIds = new Set(freeing.map((m) => m.personId));
    for (const p of everyone) {
      expect(p.status === 'released' || p.status === 'on_parole', p.legalName).toBe(freedIds.has(p.id));
      expect(p.currentPlacement === null, p.legalName).toBe(freedIds.has(p.id));
    }
  });

  it('lists the clients, held at real California and federal facilities', async () => {
    const list = await people();
    expect(list.map((p) => p.legalName)).toEqual(
      expect.arrayContaining(['Clarence Odell Whitfield', 'Beatrice Lorraine Holloway', 'Tomás Esquivel Rivera']),
    );
    const held = list.filter((p) => p.status === 'in_custody');
    expect(held).toHaveLength(7);
    expect(new Set(held.map((p) => p.currentPlacement?.facilityName))).toEqual(
      new Set([
        'San Quentin Rehabilitation Center',
        "Central California Women's Facility",
        'USP Atwater',
        'FCI Aliceville',
        'California Medical Facility',
      ]),
    );
    // The demo's facilities are the seeded directory's entries, not copies of them.
    const facilities = await h.database.db
      .selectFrom('facilities')
      .select(['code', 'source'])
      .where(
        'code',
        'in',
        DEMO_STORY.facilities.map((f) => f.code),
      )
      .execute();
    expect(facilities.map((f) => f.code).sort()).toEqual([
      'BOP-ALI',
      'BOP-ATW',
      'BOP-DUB',
      'CDCR-CCWF',
      'CDCR-CMF',
      'CDCR-SQ',
    ]);
    for (const f of facilities) expect(f.source, f.code ?? undefined).toMatch(/cdcr\.ca\.gov|bop\.gov/);
  });
});

describe('the death-row client', () => {
  it('shows the sentence derived from forty years of events: death by lethal injection, stayed', async () => {
    const { id } = await personNamed('Clarence Odell Whitfield');
    const person = await expectStatus(admin.request('GET', `/api/v1/people/${id}`), 200);
    expect(person).toMatchObject({ status: 'in_custody', mailHold: null });
    expect(person.identifiers).toEqual([expect.objectContaining({ system: 'cdcr', value: 'C41927' })]);

    const [conviction] = person.convictions;
    expect(conviction.currentSentence).toMatchObject({
      term: { type: 'death' },
      status: 'stayed',
      executionMethod: 'lethal_injection',
      since: '2019-03-13',
      label: 'Death by lethal injection, stayed since 2019-03-13',
    });
    expect(conviction.sentenceIssues).toEqual([]);
    expect(conviction.counts.map((c: { statute: string }) => c.statute)).toEqual([
      'PC 187(a)',
      'PC 187(a)',
      'PC 187(a)',
      'PC 187(a)',
      'PC 664/187(a)',
    ]);
    // Victims and survivors are for the legal team; an administrator outside it does not get them.
    expect(conviction.parties).toEqual([]);
    expect(person.viewer.canReadRestricted).toBe(false);

    expect(person.placements.map((p: { housing: string | null }) => p.housing)).toEqual([
      'Condemned / North Segregation',
      'Medical housing',
      'Condemned / East Block',
    ]);
    expect(person.matters.map((m: { type: string; stage: string }) => [m.type, m.stage]).sort()).toEqual([
      ['dna_testing', 'At the lab'],
      ['innocence_investigation', 'Investigation'],
      ['state_commutation', 'Board investigation'],
    ]);
  });

  it('draws the timeline: placements as bands and every sentence event as a mark', async () => {
    const { id } = await personNamed('Clarence Odell Whitfield');
    const timeline = await expectStatus(admin.request('GET', `/api/v1/people/${id}/timeline`), 200);
    expect(timeline.bands.map((b: { label: string; isOpen: boolean }) => [b.label, b.isOpen])).toEqual([
      ['San Quentin State Prison, Condemned / East Block', false],
      ['California Medical Facility, Medical housing', false],
      ['San Quentin Rehabilitation Center, Condemned / North Segregation', true],
    ]);
    const [track] = timeline.tracks;
    expect(track.marks.map((m: { kind: string; label: string }) => m.label)).toEqual([
      'Convicted',
      'Sentence imposed: Death by gas chamber',
      'Execution method: Lethal injection',
      'Execution method: Gas chamber',
      'Execution method: Lethal injection',
      'Stayed',
      'Reinstated',
      'Stayed',
    ]);
    expect(track.marks.at(-1)).toMatchObject({ date: '2019-03-13', byline: 'Governor of California' });
    expect(track.currentSentence).toMatchObject({
      status: 'stayed',
      executionMethod: 'lethal_injection',
      label: 'Death by lethal injection, stayed since 2019-03-13',
    });
    expect(track.issues).toEqual([]);
  });

  it('keeps the team’s work on the matters: the lab, the visits, the Governor, and privilege', async () => {
    const { id } = await personNamed('Clarence Odell Whitfield');
    const person = await expectStatus(admin.request('GET', `/api/v1/people/${id}`), 200);
    const matterOf = (type: string) => person.matters.find((m: { type: string }) => m.type === type).id as string;

    const dna = await expectStatus(admin.request('GET', `/api/v1/matters/${matterOf('dna_testing')}`), 200);
    expect(dna.stage).toBe('At the lab');
    expect(dna.stageHistory.map((s: { toStage: string }) => s.toStage)).toEqual([
      'Evidence location',
      'Testing request',
      'Agreement on lab',
      'At the lab',
      'Results',
      'At the lab',
    ]);
    const tasks = await expectStatus(admin.request('GET', `/api/v1/matters/${matterOf('dna_testing')}/tasks`), 200);
    expect(tasks.items.map((t: { title: string }) => t.title)).toContain(
      'Ask the lab for an expected date for the second-round report',
    );
    const contacts = await expectStatus(
      admin.request('GET', `/api/v1/matters/${matterOf('dna_testing')}/contacts`),
      200,
    );
    expect(contacts.items.map((c: { contact: { kind: string } }) => c.contact.kind).sort()).toEqual([
      'laboratory',
      'official',
    ]);

    const clemency = await expectStatus(admin.request('GET', `/api/v1/matters/${matterOf('state_commutation')}`), 200);
    expect(clemency.decisionMaker).toBe('The Governor of California');
    expect(clemency.team.map((m: { matterRole: string }) => m.matterRole)).toContain('advocate');

    // Administrators read every matter, but not what is privileged: the work product stays hidden.
    const notes = await expectStatus(
      admin.request('GET', `/api/v1/matters/${matterOf('innocence_investigation')}/notes`),
      200,
    );
    expect(notes.items.every((n: { isPrivileged: boolean }) => !n.isPrivileged)).toBe(true);
    expect(notes.items.map((n: { body: string }) => n.body).join('\n')).toContain(
      'Visited for four hours at San Quentin',
    );

    const activity = await expectStatus(
      admin.request('GET', `/api/v1/matters/${matterOf('innocence_investigation')}/activity`),
      200,
    );
    expect(activity.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['matter.opened', 'task.created', 'note.created']),
    );
    expect(activity.items.some((a: { details: { isPrivileged?: boolean } }) => a.details.isPrivileged)).toBe(false);

    const board = await expectStatus(admin.request('GET', '/api/v1/board/dna_testing'), 200);
    expect(board.columns.find((c: { stage: string }) => c.stage === 'At the lab')).toMatchObject({ count: 1 });
  });
});

describe('the commutation from the President', () => {
  it('shows life commuted to time served, the client released, and the granted matter with its release date', async () => {
    const { id, status } = await personNamed('Beatrice Lorraine Holloway');
    expect(status).toBe('released');
    const person = await expectStatus(admin.request('GET', `/api/v1/people/${id}`), 200);
    expect(person.identifiers).toEqual([expect.objectContaining({ system: 'bop', value: '30514-041' })]);
    expect(person.convictions[0].currentSentence).toMatchObject({
      status: 'released',
      since: '2018-06-06',
      commutedFrom: { type: 'lwop' },
    });
    expect(person.placements[0]).toMatchObject({ facilityName: 'FCI Aliceville', toDate: '2018-06-06' });

    const hers = await matters(`&personId=${id}`);
    expect(hers.map((m) => [m.type, m.outcome, m.releaseDate]).sort()).toEqual([
      ['federal_commutation', 'denied', null],
      ['federal_commutation', 'granted', '2018-06-06'],
    ]);
  });
});

describe('intake, letters and visits', () => {
  it('gives the lead attorney a legal-mail return address', async () => {
    const lead = await findUserByEmail(h.database.db, 'naomi.castellanos@demo.redress.local');
    if (!lead) throw new Error('no lead attorney');
    const profile = await findAttorneyProfile(h.database.db, lead.id);
    expect(profile).toMatchObject({ display_name: 'Naomi Castellanos', title: 'Attorney at Law', bar_state: 'CA' });
    expect(profile?.bar_number).toBeTruthy();
    expect(profile?.bar_address_lines.length).toBeGreaterThan(0);
  });

  it('puts three intakes in triage: two open in the queue, one referral declined with its reason', async () => {
    const all = (await expectStatus(admin.request('GET', '/api/v1/intakes?limit=100'), 200)).items;
    expect(all).toHaveLength(3);
    const open = (await expectStatus(admin.request('GET', '/api/v1/intakes?open=true&limit=100'), 200)).items;
    expect(open.map((i: { channel: string; state: string }) => [i.channel, i.state])).toEqual([
      ['mailed_letter', 'in_review'],
      ['public_form', 'new'],
    ]);
    const spanish = (await expectStatus(admin.request('GET', '/api/v1/intakes?language=es'), 200)).items;
    expect(spanish).toHaveLength(1);
    expect(spanish[0]).toMatchObject({ channel: 'public_form', state: 'new' });
    const letter = open[0];
    expect(letter.assignedTo).toMatchObject({ name: 'Celeste Ibarra' });
    expect(letter.facility).toMatchObject({ name: 'California Medical Facility' });

    const [declined] = (await expectStatus(admin.request('GET', '/api/v1/intakes?state=decided'), 200)).items;
    expect(declined).toMatchObject({ channel: 'referral', decision: 'declined' });
    const detail = await expectStatus(admin.request('GET', `/api/v1/intakes/${declined.id}`), 200);
    expect(detail.decisionReason).toContain('Nevada');
  });

  it('logs the death-row client’s letters, his mail hold untouched', async () => {
    const { id, hasMailHold } = await personNamed('Clarence Odell Whitfield');
    expect(hasMailHold).toBe(false);
    const letters = (await expectStatus(admin.request('GET', `/api/v1/correspondence?personId=${id}&limit=100`), 200))
      .items;
    expect(
      letters
        .map((l: { direction: string; channel: string; state: string }) => [l.direction, l.channel, l.state])
        .sort(),
    ).toEqual([
      ['in', 'post', 'received'],
      ['in', 'post', 'received'],
      ['out', 'legal_mail', 'sent'],
    ]);
  });

  it('records a four-hour legal visit at San Quentin and books the next one', async () => {
    const { id } = await personNamed('Clarence Odell Whitfield');
    const visits = (await expectStatus(admin.request('GET', `/api/v1/visits?personId=${id}&limit=100`), 200)).items;
    expect(visits).toHaveLength(2);
    for (const v of visits) expect(v.facility).toMatchObject({ name: 'San Quentin Rehabilitation Center' });
    const held = visits.filter((v: { status: string }) => v.status === 'held');
    expect(held).toHaveLength(1);
    expect(held[0].record).toMatchObject({ durationMinutes: 240, hasPrivilegedNotes: true });
    expect(held[0].visitors.map((v: { capacity: string }) => v.capacity).sort()).toEqual(['attorney', 'paralegal']);
    const next = visits.find((v: { status: string }) => v.status === 'scheduled');
    expect(Date.parse(next.scheduledStart)).toBeGreaterThan(h.clock.now().getTime());
  });
});
