import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createHarness, type Harness, signInAs } from './support/harness.js';
import { csvText, importFile, run, stage } from './support/spreadsheets.js';

let h: Harness;
let attorney: Client;
let attorneyId: string;
beforeAll(async () => {
  h = await createHarness();
  const signedIn = await signInAs(h, 'attorney');
  attorney = signedIn.client;
  attorneyId = signedIn.user.id;
  await importFile(
    attorney,
    'people',
    csvText([
      ['external_id', 'legal_name', 'status'],
      ['P-1', 'Kevin Cooper', 'in_custody'],
      ['P-2', 'Alice Marie Johnson', 'in_custody'],
    ]),
  );
});
afterAll(() => h.close());

const MATTER_HEADER = [
  'Matter ID',
  'Client ID',
  'Type',
  'Title',
  'Stage',
  'Opened',
  'Closed',
  'Outcome',
  'Release date',
];

const matter = (externalId: string) =>
  h.database.db.selectFrom('matters').selectAll().where('external_id', '=', externalId).executeTakeFirst();

describe('importing matters', () => {
  it('links each matter to its person by external id, with the pipeline, team and stage history', async () => {
    const staged = await stage(
      attorney,
      'matters',
      csvText([
        MATTER_HEADER,
        ['M-1', 'P-1', 'Innocence investigation', 'Cooper innocence', 'investigation', '2004-02-01', '', '', ''],
        [
          'M-2',
          'P-2',
          'federal commutation',
          'Johnson commutation',
          '',
          '2017-01-10',
          '2018-06-06',
          'granted',
          '2018-06-06',
        ],
        ['M-3', 'P-404', 'habeas', 'Nobody', '', '2020-01-01', '', '', ''],
        ['M-4', 'P-1', 'habeas', 'Wrong stage', 'At the lab', '2020-01-01', '', '', ''],
        ['M-5', 'P-1', 'witchcraft', 'Wrong type', '', '2020-01-01', '', '', ''],
        ['M-6', 'P-1', 'pardon', 'Closed first', '', '2020-01-01', '2019-12-31', '', ''],
        ['M-7', 'P-1', 'pardon', 'Bad outcome', '', '2020-01-01', '', 'won', ''],
      ]),
    );
    expect(staged.suggestedMapping).toMatchObject({
      'Matter ID': 'external_id',
      'Client ID': 'person_external_id',
      Type: 'type',
      Opened: 'opened_on',
      'Release date': 'release_date',
    });
    const report = await run(attorney, staged.id);
    expect(report).toMatchObject({ created: 2, failed: 5 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'person_external_id'],
      [5, 'stage'],
      [6, 'type'],
      [7, 'closed_on'],
      [8, 'outcome'],
    ]);

    const m1 = await matter('M-1');
    expect(m1).toMatchObject({ type: 'innocence_investigation', stage: 'Investigation', outcome: 'pending' });
    const m2 = await matter('M-2');
    expect(m2).toMatchObject({
      type: 'federal_commutation',
      stage: 'Screening',
      decision_maker: 'The President, through the Office of the Pardon Attorney',
      outcome: 'granted',
      release_date: '2018-06-06',
    });
    // Granted with a release date that has passed: the person walked out, as when the matter is edited by hand.
    const alice = await h.database.db
      .selectFrom('people')
      .select('status')
      .where('external_id', '=', 'P-2')
      .executeTakeFirst();
    expect(alice?.status).toBe('released');
    // The importer joins the team of what they opened, as when opening a matter by hand.
    const team = await h.database.db
      .selectFrom('matter_team')
      .selectAll()
      .where('matter_id', '=', m1?.id ?? '')
      .execute();
    expect(team).toEqual([expect.objectContaining({ user_id: attorneyId, matter_role: 'lead_attorney' })]);
    const history = await h.database.db
      .selectFrom('matter_stage_history')
      .select(['from_stage', 'to_stage'])
      .where('matter_id', '=', m1?.id ?? '')
      .execute();
    expect(history).toEqual([{ from_stage: null, to_stage: 'Investigation' }]);
  });

  it('updates a matter on a second import and records the stage move', async () => {
    const text = (stage: string) =>
      csvText([
        ['external_id', 'person_external_id', 'type', 'title', 'stage'],
        ['MU-1', 'P-1', 'dna_testing', 'Cooper DNA', stage],
      ]);
    expect(await importFile(attorney, 'matters', text('Evidence location'))).toMatchObject({ created: 1 });
    expect(await importFile(attorney, 'matters', text('Evidence location'))).toMatchObject({ unchanged: 1 });
    expect(await importFile(attorney, 'matters', text('at the lab'))).toMatchObject({ updated: 1 });
    const m = await matter('MU-1');
    expect(m?.stage).toBe('At the lab');
    const history = await h.database.db
      .selectFrom('matter_stage_history')
      .select(['from_stage', 'to_stage'])
      .where('matter_id', '=', m?.id ?? '')
      .orderBy('changed_at')
      .orderBy('from_stage', 'desc')
      .execute();
    expect(history).toEqual([
      { from_stage: null, to_stage: 'Evidence location' },
      { from_stage: 'Evidence location', to_stage: 'At the lab' },
    ]);
  });

  it("refuses to change a matter the importer is not on the team of, and does not reveal another's people", async () => {
    const otherAttorney = (await signInAs(h, 'attorney')).client;
    const report = await importFile(
      otherAttorney,
      'matters',
      csvText([
        ['external_id', 'person_external_id', 'type', 'title'],
        ['M-1', 'P-1', 'innocence_investigation', 'Taken over'],
      ]),
    );
    expect(report).toMatchObject({ failed: 1 });
    expect(report.errors[0]).toMatchObject({
      line: 2,
      field: 'external_id',
      message: expect.stringMatching(/may not change/),
    });
    expect((await matter('M-1'))?.title).toBe('Cooper innocence');

    // A paralegal sees only the people they created or work on: someone else's person is not found.
    const paralegal = (await signInAs(h, 'paralegal')).client;
    const hidden = await importFile(
      paralegal,
      'matters',
      csvText([
        ['external_id', 'person_external_id', 'type', 'title'],
        ['M-P', 'P-1', 'habeas', 'Not mine'],
      ]),
    );
    expect(hidden.errors[0]).toMatchObject({
      field: 'person_external_id',
      message: expect.stringMatching(/No person/),
    });
  });
});

describe('importing contacts', () => {
  it('creates and then updates contacts by external id', async () => {
    const first = csvText([
      ['Contact ID', 'Type', 'Name', 'Organization', 'Position', 'E-mail', 'Phone'],
      ['C-1', 'lab', 'Dr. Ada Lab', 'Serological Research Institute', 'Director', 'ADA@SERI.example', '(510) 555-0100'],
      ['C-2', 'official', 'Pat Deputy', 'Office of the District Attorney', 'Deputy DA', '', ''],
      ['C-3', 'alien', 'Zed', '', '', '', ''],
      ['C-4', 'family', 'Bad Phone', '', '', '', 'call me maybe'],
    ]);
    const report = await importFile(attorney, 'contacts', first);
    expect(report).toMatchObject({ created: 2, failed: 2 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'kind'],
      [5, 'phone'],
    ]);
    const lab = await h.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('external_id', '=', 'C-1')
      .executeTakeFirst();
    expect(lab).toMatchObject({
      kind: 'laboratory',
      organisation: 'Serological Research Institute',
      title: 'Director',
      email: 'ada@seri.example',
      name_search: 'dr ada lab',
    });

    const second = csvText([
      ['external_id', 'kind', 'name', 'title'],
      ['C-1', 'laboratory', 'Dr. Ada Lab', 'Emeritus director'],
      ['C-2', 'official', 'Pat Deputy', ''],
    ]);
    expect(await importFile(attorney, 'contacts', second)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const count = await h.database.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('external_id', 'in', ['C-1', 'C-2'])
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(2);
  });
});
