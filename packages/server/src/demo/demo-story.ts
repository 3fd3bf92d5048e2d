import { DEMO_FREED_CLIENTS } from './demo-freed-clients.js';
import type {
  DemoAttorneyProfile,
  DemoContact,
  DemoCorrespondence,
  DemoCount,
  DemoFacility,
  DemoIntake,
  DemoPerson,
  DemoStory,
  DemoUser,
  DemoVisit,
} from './demo-types.js';
import { DEMO_WAITING_CLIENTS } from './demo-waiting-clients.js';

/**
 * The demo workspace tells one team's story. Every person, case number and identifier here is
 * invented; the facilities and public offices are real.
 *
 * The team has taken up the case of Clarence Whitfield, on California's death row since 1985, who
 * has always said he is innocent. Their advocate, Celeste Ibarra, went with his sister and his pastor
 * to ask the Governor for an independent review; that Governor ordered DNA testing and his successor
 * ordered more. While the lab works, the team visits Clarence for hours at a time, gathers support
 * letters and keeps every step on the record. His sentence has moved for forty years: death by gas
 * chamber, lethal injection, gas again, lethal injection, stayed, reinstated, stayed again.
 *
 * Beside him, the same team won a commutation from the President for Beatrice Holloway, serving life
 * for a non-violent drug offence, and has helped free seventeen other people through parole hearings,
 * resentencing, compassionate release, commutations and habeas petitions. Others are still waiting.
 *
 * Celeste studies law through the State Bar's Law Office Study Program, supervised by the team's
 * second attorney, Theodore Achebe. Her organisation role is advocate, because that is her work on
 * the team (she opens and runs clemency matters, which law apprentices may not open); on Theodore's
 * matters she is on the team as his law apprentice.
 *
 * "It's never one person who gets things done; it's always a collective of people."
 */

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'lead', name: 'Naomi Castellanos', email: 'naomi.castellanos@demo.redress.local', role: 'attorney' },
  { key: 'supervisor', name: 'Theodore Achebe', email: 'theodore.achebe@demo.redress.local', role: 'attorney' },
  { key: 'apprentice', name: 'Celeste Ibarra', email: 'celeste.ibarra@demo.redress.local', role: 'advocate' },
  { key: 'paralegal', name: 'Priya Raman', email: 'priya.raman@demo.redress.local', role: 'paralegal' },
  {
    key: 'investigator',
    name: 'Luis Echeverría',
    email: 'luis.echeverria@demo.redress.local',
    role: 'investigator',
  },
  { key: 'volunteer', name: 'Ruth Abernathy', email: 'ruth.abernathy@demo.redress.local', role: 'volunteer' },
];

const CDCR_SOURCE = 'CDCR facility directory (cdcr.ca.gov), entered for the demo workspace: check before mailing.';
const BOP_SOURCE = 'BOP facility locator (bop.gov/locations), entered for the demo workspace: check before mailing.';

export const DEMO_FACILITIES: readonly DemoFacility[] = [
  {
    key: 'sanQuentin',
    code: 'CDCR-SQ',
    name: 'San Quentin Rehabilitation Center',
    jurisdiction: 'CA',
    kind: 'prison',
    streetAddress: null,
    mailingAddress: 'San Quentin, CA 94974',
    city: 'San Quentin',
    state: 'CA',
    zip: '94974',
    visitingInfo: 'Formerly San Quentin State Prison. Legal visits are booked ahead with the visiting office.',
    source: CDCR_SOURCE,
  },
  {
    key: 'cmf',
    code: 'CDCR-CMF',
    name: 'California Medical Facility',
    jurisdiction: 'CA',
    kind: 'prison',
    streetAddress: '1600 California Drive',
    mailingAddress: null,
    city: 'Vacaville',
    state: 'CA',
    zip: '95696',
    visitingInfo: null,
    source: CDCR_SOURCE,
  },
  {
    key: 'ccwf',
    code: 'CDCR-CCWF',
    name: "Central California Women's Facility",
    jurisdiction: 'CA',
    kind: 'prison',
    streetAddress: '23370 Road 22',
    mailingAddress: null,
    city: 'Chowchilla',
    state: 'CA',
    zip: '93610',
    visitingInfo: null,
    source: CDCR_SOURCE,
  },
  {
    key: 'atwater',
    code: 'BOP-ATW',
    name: 'USP Atwater',
    jurisdiction: 'US',
    kind: 'prison',
    streetAddress: '1 Federal Way',
    mailingAddress: null,
    city: 'Atwater',
    state: 'CA',
    zip: '95301',
    visitingInfo: null,
    source: BOP_SOURCE,
  },
  {
    key: 'aliceville',
    code: 'BOP-ALI',
    name: 'FCI Aliceville',
    jurisdiction: 'US',
    kind: 'prison',
    streetAddress: '11070 Highway 14',
    mailingAddress: null,
    city: 'Aliceville',
    state: 'AL',
    zip: '35442',
    visitingInfo: null,
    source: BOP_SOURCE,
  },
  {
    key: 'dublin',
    code: 'BOP-DUB',
    name: 'FCI Dublin',
    jurisdiction: 'US',
    kind: 'prison',
    streetAddress: '5701 8th Street, Camp Parks',
    mailingAddress: null,
    city: 'Dublin',
    state: 'CA',
    zip: '94568',
    visitingInfo: 'Closed in 2024; kept for past placements.',
    source: BOP_SOURCE,
  },
];

const murder = (n: number): DemoCount => ({
  statute: 'PC 187(a)',
  description: `Murder (victim ${n})`,
  degree: 'first',
});

/** The death-row client at the centre of the story. */
const CLARENCE_WHITFIELD: DemoPerson = {
  key: 'whitfield',
  legalName: 'Clarence Odell Whitfield',
  dateOfBirth: '1958-09-02',
  gender: 'male',
  preferredLanguage: 'English',
  status: 'in_custody',
  notes: 'Has maintained his innocence since his arrest in 1983. Reads every support letter; answers most of them.',
  createdBy: 'lead',
  aliases: [{ name: 'C. O. Whitfield', kind: 'spelling' }],
  identifiers: [{ system: 'cdcr', value: 'C41927' }],
  placements: [
    {
      facility: 'sanQuentin',
      facilityName: 'San Quentin State Prison',
      housing: 'Condemned / East Block',
      from: '1985-05-20',
      to: '2020-06-29',
      learnedFrom: 'court',
    },
    {
      facility: 'cmf',
      housing: 'Medical housing',
      from: '2020-06-29',
      to: '2021-02-11',
      learnedFrom: 'returned_mail',
    },
    {
      facility: 'sanQuentin',
      housing: 'Condemned / North Segregation',
      from: '2021-02-11',
      to: null,
      learnedFrom: 'letter',
      mailHold: { since: '2021-02-16', releasedOn: '2021-03-02' },
    },
  ],
  convictions: [
    {
      caseNumber: 'CR-21874',
      court: 'Riverside County Superior Court',
      county: 'Riverside',
      jurisdiction: 'CA',
      offenseStart: '1983-06-04',
      convictionDate: '1985-03-28',
      disposition: 'jury',
      counts: [
        murder(1),
        murder(2),
        murder(3),
        murder(4),
        { statute: 'PC 664/187(a)', description: 'Attempted murder', degree: 'first', isAttempt: true },
      ],
      specialCircumstances: ['PC 190.2(a)(3) multiple murder'],
      parties: [
        { role: 'victim', name: 'Gerald Amos Pike', notes: 'Fictional (demo).' },
        { role: 'victim', name: 'Doreen Pike', notes: 'Fictional (demo).' },
        { role: 'victim', name: 'Wendell Pike', notes: 'Fictional (demo).' },
        { role: 'victim', name: 'Lorna Haskett', notes: 'Fictional (demo).' },
        {
          role: 'survivor',
          name: 'Tobias Pike',
          notify: true,
          notes: 'Fictional (demo). Asked to be told of any hearing date.',
        },
      ],
      prosecutor: 'Deputy District Attorney R. Calder (fictional)',
      defenseCounsel: 'M. Ferris, appointed counsel (fictional)',
      judge: 'Hon. L. Varga (fictional)',
      sentence: [
        {
          kind: 'imposed',
          date: '1985-05-10',
          authority: 'court',
          authorityName: 'Riverside County Superior Court',
          term: { type: 'death' },
          executionMethod: 'gas_chamber',
        },
        {
          kind: 'execution_method_set',
          date: '1992-11-20',
          authority: 'corrections',
          authorityName: 'California Department of Corrections',
          executionMethod: 'lethal_injection',
          note: 'Clarence chose lethal injection when the law first allowed a choice.',
        },
        {
          kind: 'execution_method_set',
          date: '1993-04-07',
          authority: 'corrections',
          authorityName: 'California Department of Corrections',
          executionMethod: 'gas_chamber',
          note: 'His election form was lost; the record went back to the default, lethal gas.',
        },
        {
          kind: 'execution_method_set',
          date: '1996-03-01',
          authority: 'court',
          executionMethod: 'lethal_injection',
          note: 'After the gas chamber was held unconstitutional (Fierro v. Gomez).',
        },
        {
          kind: 'stayed',
          date: '2004-02-09',
          authority: 'court',
          authorityName: 'United States Court of Appeals for the Ninth Circuit',
          note: 'Stayed on the eve of the execution date, pending the habeas appeal.',
        },
        {
          kind: 'reinstated',
          date: '2004-11-22',
          authority: 'court',
          authorityName: 'United States Court of Appeals for the Ninth Circuit',
          note: 'Stay dissolved when the appeal was decided.',
        },
        {
          kind: 'stayed',
          date: '2019-03-13',
          authority: 'governor',
          authorityName: 'Governor of California',
          note: 'Reprieve for everyone on death row (Executive Order N-09-19).',
        },
      ],
    },
  ],
  // What the record of the trial says and the case file does not hold elsewhere: the jury found him the
  // actual killer, with the multiple-murder special circumstance; no strikes, no registration.
  screeningFacts: {
    sentencing_schemes: [],
    prior_strikes: 0,
    pc290_registrant: false,
    convictions: {
      'CR-21874': {
        theory_of_liability: 'actual_killer',
        findings: ['special_circumstance_true'],
        felony: true,
        victim: { peace_officer: false },
      },
    },
  },
  matters: [
    {
      key: 'whitfield.innocence',
      type: 'innocence_investigation',
      title: 'Innocence investigation: Clarence Whitfield',
      decisionMaker: null,
      openedOn: '2015-09-14',
      stages: [
        ['Intake review', '2015-09-14'],
        ['Records request', '2015-11-02'],
        ['Investigation', '2016-06-01'],
      ],
      outcome: 'pending',
      team: [
        ['lead', 'lead_attorney'],
        ['apprentice', 'advocate'],
        ['investigator', 'investigator'],
        ['paralegal', 'paralegal'],
        ['volunteer', 'volunteer'],
      ],
      tasks: [
        {
          title: 'Plan the next visit at San Quentin: book the legal visit, bring copies of the new letters',
          assignee: 'apprentice',
          createdBy: 'apprentice',
          createdOn: { daysFromSeed: -9 },
          due: { daysFromSeed: 12 },
          status: 'open',
        },
        {
          title: 'Find the second eyewitness (moved out of state in the 1990s)',
          assignee: 'investigator',
          createdBy: 'lead',
          createdOn: '2024-10-01',
          due: { daysFromSeed: 30 },
          status: 'open',
        },
        {
          title: 'Index the 1985 trial exhibits against the evidence inventory',
          assignee: 'paralegal',
          createdBy: 'lead',
          createdOn: '2016-11-15',
          status: 'done',
          completedOn: '2017-02-10',
        },
      ],
      notes: [
        {
          author: 'lead',
          on: '2016-07-19',
          isPrivileged: true,
          mentions: ['apprentice', 'investigator'],
          body: [
            '**Attorney work product.** Where the case stands.',
            '',
            'The evidence that put Clarence at the house is a partial shoe print, one hair the 1985 examiner',
            'called "consistent", and a jailhouse informant who was given a deal on his own case. Nothing was',
            'ever tested for DNA. First ask: testing of the hair, the towel and the blood on the hallway wall.',
            'We file nothing until we know what a lab can do with them.',
          ].join('\n'),
        },
        {
          author: 'investigator',
          on: '2019-06-03',
          isPrivileged: true,
          body:
            "Interviewed the informant's former cellmate. He says the informant had Clarence's case papers in his " +
            'cell before he "remembered" the confession. Signed declaration to follow; legal team only.',
        },
        {
          author: 'apprentice',
          on: { daysFromSeed: -9 },
          isPrivileged: false,
          mentions: ['lead'],
          body:
            'Visited for four hours at San Quentin. Clarence went through his letters from 1986 on, in order, ' +
            'asked after his sister and about the lab, and wants everyone on the team to know he reads every ' +
            'support letter twice. Next visit in two weeks; he would like copies of the new letters.',
        },
      ],
    },
    {
      key: 'whitfield.clemency',
      type: 'state_commutation',
      title: 'Clemency: a request for an independent review of the case',
      decisionMaker: 'The Governor of California',
      openedOn: '2016-02-01',
      stages: [
        ['Screening', '2016-02-01'],
        ['Gathering records', '2016-03-15'],
        ['Drafting application', '2016-09-01'],
        ['Filed', '2017-01-17'],
        ['Board investigation', '2019-05-20'],
      ],
      outcome: 'pending',
      team: [
        ['lead', 'lead_attorney'],
        ['supervisor', 'co_counsel'],
        ['apprentice', 'advocate'],
        ['paralegal', 'paralegal'],
        ['volunteer', 'volunteer'],
      ],
      tasks: [
        {
          title: 'Support letters: 212 received, aim for 300 before the next submission',
          assignee: 'apprentice',
          createdBy: 'apprentice',
          createdOn: '2025-09-02',
          due: { daysFromSeed: 21 },
          status: 'open',
        },
        {
          title: 'Log and file the support letters that came in this month',
          assignee: 'volunteer',
          createdBy: 'apprentice',
          createdOn: { daysFromSeed: -14 },
          due: { daysFromSeed: 7 },
          status: 'open',
        },
        {
          title: "Send the clemency office the lab's first-round report with a cover letter",
          assignee: 'lead',
          createdBy: 'lead',
          createdOn: '2018-12-14',
          status: 'done',
          completedOn: '2019-01-15',
        },
        {
          title: 'Tell the clemency office as soon as the second-round results arrive',
          assignee: 'lead',
          createdBy: 'lead',
          createdOn: '2019-02-21',
          status: 'open',
        },
      ],
      notes: [
        {
          author: 'apprentice',
          on: '2017-10-12',
          isPrivileged: false,
          mentions: ['lead'],
          body:
            "Met the Governor at the Capitol with Clarence's sister Loretta and Rev. Ortega to ask for an " +
            'independent review of the case. Twenty minutes were scheduled; he stayed for forty and asked for ' +
            'our testing proposal in writing. Sent the same afternoon.',
        },
        {
          author: 'apprentice',
          on: '2018-05-25',
          isPrivileged: false,
          body: [
            'The Governor has ordered DNA testing of five items by executive order.',
            '',
            "Told the letter writers tonight: it's never one person who gets things done; it's always a",
            'collective of people. Loretta, 212 letters, the lab, Luis on the road, Priya on the phone.',
          ].join('\n'),
        },
        {
          author: 'lead',
          on: '2020-01-08',
          isPrivileged: true,
          mentions: ['supervisor'],
          body:
            '**Attorney work product.** If the second round is inconclusive we keep the application open and ask ' +
            'the Board to interview the informant; if it excludes Clarence we ask for a full pardon, not a commutation.',
        },
      ],
    },
    {
      key: 'whitfield.dna',
      type: 'dna_testing',
      title: 'DNA testing ordered by the Governor',
      decisionMaker: 'The Governor of California (testing ordered by executive order)',
      openedOn: '2018-05-25',
      stages: [
        ['Evidence location', '2018-05-25'],
        ['Testing request', '2018-06-20'],
        ['Agreement on lab', '2018-07-30'],
        ['At the lab', '2018-09-04'],
        ['Results', '2018-12-14'],
        ['At the lab', '2019-02-21'],
      ],
      outcome: 'pending',
      team: [
        ['lead', 'lead_attorney'],
        ['supervisor', 'co_counsel'],
        ['paralegal', 'paralegal'],
        ['investigator', 'investigator'],
        ['apprentice', 'advocate'],
      ],
      tasks: [
        {
          title: 'Ask the lab for an expected date for the second-round report',
          assignee: 'paralegal',
          createdBy: 'lead',
          createdOn: { daysFromSeed: -20 },
          due: { daysFromSeed: 5 },
          status: 'open',
        },
        {
          title: 'Confirm the chain of custody of the hallway-wall swabs with the exhibit clerk',
          assignee: 'investigator',
          createdBy: 'supervisor',
          createdOn: '2019-03-01',
          status: 'done',
          completedOn: '2019-04-02',
        },
        {
          title: 'Decide which items may be used up in testing (both attorneys)',
          assignee: 'lead',
          createdBy: 'lead',
          createdOn: '2018-07-02',
          status: 'done',
          completedOn: '2018-07-27',
        },
      ],
      notes: [
        {
          author: 'paralegal',
          on: '2018-12-14',
          isPrivileged: false,
          body:
            'First-round results: two items gave no usable profile; the towel gave a partial profile that is not ' +
            "Clarence's, too incomplete to search. The lab says newer methods could do more with what is left.",
        },
        {
          author: 'lead',
          on: '2019-02-21',
          isPrivileged: false,
          mentions: ['paralegal', 'investigator'],
          body:
            'The new Governor has ordered further testing: more items, and methods the first round did not use. ' +
            'Same laboratory. Back to waiting on the lab.',
        },
        {
          author: 'supervisor',
          on: '2019-03-01',
          isPrivileged: true,
          mentions: ['lead'],
          body:
            '**Attorney work product.** If the towel profile can be completed, ask at once for a database search; ' +
            'draft the request now so it is ready the day the report lands.',
        },
        {
          author: 'paralegal',
          on: { daysFromSeed: -20 },
          isPrivileged: false,
          body: 'Called the lab: extraction is done on the remaining items; they will call when the report is signed.',
        },
      ],
    },
  ],
};

/** Serving life for a non-violent drug offence; commuted by the President in 2018. */
const BEATRICE_HOLLOWAY: DemoPerson = {
  key: 'holloway',
  legalName: 'Beatrice Lorraine Holloway',
  dateOfBirth: '1955-06-30',
  gender: 'female',
  preferredLanguage: 'English',
  status: 'released',
  mailingAddress: 'c/o Keisha Holloway, Atlanta, GA',
  createdBy: 'apprentice',
  identifiers: [{ system: 'bop', value: '30514-041' }],
  placements: [
    { facility: 'dublin', housing: null, from: '1996-10-15', to: '2013-07-22', learnedFrom: 'locator' },
    { facility: 'aliceville', housing: null, from: '2013-07-22', to: '2018-06-06', learnedFrom: 'locator' },
  ],
  convictions: [
    {
      caseNumber: '1:95-cr-00417',
      court: 'United States District Court for the Northern District of Georgia',
      county: null,
      jurisdiction: 'US',
      offenseStart: '1991-03-01',
      offenseEnd: '1994-11-30',
      convictionDate: '1996-05-14',
      disposition: 'jury',
      counts: [
        { statute: '21 U.S.C. 846', description: 'Conspiracy to possess cocaine with intent to distribute' },
        { statute: '18 U.S.C. 1956(h)', description: 'Conspiracy to launder money' },
      ],
      sentence: [
        {
          kind: 'imposed',
          date: '1996-09-20',
          authority: 'court',
          authorityName: 'United States District Court for the Northern District of Georgia',
          term: { type: 'lwop' },
          note: 'Life: there is no parole in the federal system for offences after 1987.',
        },
        {
          kind: 'commuted',
          date: '2018-06-06',
          authority: 'president',
          authorityName: 'President of the United States',
          term: { type: 'determinate', months: 261 },
          note: 'Commuted to time served.',
        },
        {
          kind: 'released',
          date: '2018-06-06',
          authority: 'corrections',
          authorityName: 'Federal Bureau of Prisons',
        },
      ],
    },
  ],
  // A non-violent cocaine conspiracy; nothing pending in court since the commutation.
  screeningFacts: {
    pending_litigation: [],
    convictions: {
      '1:95-cr-00417': { drug: 'cocaine', felony: true, crime_of_violence: false, sex_offense: false },
    },
  },
  matters: [
    {
      type: 'federal_commutation',
      title: 'Commutation petition (first)',
      openedOn: '2014-08-04',
      stages: [
        ['Screening', '2014-08-04'],
        ['Gathering records', '2014-10-01'],
        ['Drafting petition', '2015-02-16'],
        ['Filed with OPA', '2015-06-30'],
        ['Under review', '2015-09-01'],
        ['Decision', '2016-12-19'],
      ],
      outcome: 'denied',
      closedOn: '2016-12-19',
      team: [
        ['lead', 'lead_attorney'],
        ['apprentice', 'advocate'],
        ['paralegal', 'paralegal'],
      ],
      notes: [
        {
          author: 'apprentice',
          on: '2016-12-19',
          isPrivileged: false,
          body:
            'Denied, without reasons. Beatrice took it better than we did. We start again: new letters, the ' +
            "warden's support, and her twenty years without a single write-up.",
        },
      ],
    },
    {
      key: 'holloway.commutation',
      type: 'federal_commutation',
      title: 'Commutation petition',
      openedOn: '2017-05-01',
      stages: [
        ['Screening', '2017-05-01'],
        ['Gathering records', '2017-05-15'],
        ['Drafting petition', '2017-08-01'],
        ['Filed with OPA', '2017-11-06'],
        ['Under review', '2018-01-10'],
        ['Decision', '2018-06-06'],
      ],
      outcome: 'granted',
      closedOn: '2018-06-06',
      releaseDate: '2018-06-06',
      team: [
        ['lead', 'lead_attorney'],
        ['apprentice', 'advocate'],
        ['paralegal', 'paralegal'],
        ['volunteer', 'volunteer'],
      ],
      tasks: [
        {
          title: 'Collect letters from the warden, her work supervisor and her church',
          assignee: 'apprentice',
          createdBy: 'apprentice',
          createdOn: '2017-05-15',
          status: 'done',
          completedOn: '2017-10-20',
        },
      ],
      notes: [
        {
          author: 'apprentice',
          on: '2018-06-06',
          isPrivileged: false,
          mentions: ['lead', 'paralegal', 'volunteer'],
          body:
            "The President commuted Beatrice's sentence to time served this morning. She walked out of FCI " +
            'Aliceville in the afternoon; Keisha was at the gate.',
        },
      ],
    },
  ],
};

export const DEMO_CONTACTS: readonly DemoContact[] = [
  {
    kind: 'official',
    name: 'Andrea Whitcombe',
    organisation: 'Office of the Governor of California',
    title: 'Deputy Legal Affairs Secretary (clemency)',
    address: '1021 O Street, Suite 9000, Sacramento, CA 95814',
    createdBy: 'lead',
    links: [
      { matter: 'whitfield.clemency', relationship: "Decision-maker's office" },
      { matter: 'whitfield.dna', relationship: 'Ordered the testing' },
      { matter: 'batiste.commutation', relationship: "Decision-maker's office" },
    ],
  },
  {
    kind: 'laboratory',
    name: 'Dr. Helen Marsh',
    organisation: 'Coastal Forensic Genetics (fictional laboratory)',
    title: 'Laboratory director',
    phone: '+1 555 0142',
    createdBy: 'paralegal',
    notes: 'Prefers a call to an email; reports are signed by the director before release.',
    links: [{ matter: 'whitfield.dna', relationship: 'Testing laboratory' }],
  },
  {
    kind: 'journalist',
    name: 'Miriam Adeyemi',
    organisation: 'The Bay Area Ledger (fictional)',
    title: 'Staff writer, criminal justice',
    email: 'miriam.adeyemi@example.org',
    createdBy: 'apprentice',
    notes: 'Agreed to hold the lab story until the report is out.',
    links: [{ person: 'whitfield', relationship: 'Covers the case' }],
  },
  {
    kind: 'family',
    name: 'Loretta Whitfield Simms',
    organisation: null,
    title: null,
    phone: '+1 555 0167',
    createdBy: 'apprentice',
    links: [
      { person: 'whitfield', relationship: 'Sister' },
      { matter: 'whitfield.clemency', relationship: 'Went to the meeting with the Governor' },
    ],
  },
  {
    kind: 'supporter',
    name: 'Rev. Samuel Ortega',
    organisation: null,
    title: 'Pastor',
    createdBy: 'apprentice',
    links: [
      { person: 'whitfield', relationship: 'Spiritual adviser' },
      { matter: 'whitfield.clemency', relationship: 'Support letter' },
    ],
  },
  {
    kind: 'supporter',
    name: 'Patricia Nguyen-Hale',
    organisation: null,
    title: 'Retired superior court judge',
    createdBy: 'lead',
    links: [{ matter: 'whitfield.clemency', relationship: 'Support letter' }],
  },
  {
    kind: 'official',
    name: 'Marcus Lin',
    organisation: 'Board of Parole Hearings',
    title: 'Clemency investigations',
    address: 'Sacramento, CA',
    createdBy: 'supervisor',
    links: [
      { matter: 'whitfield.clemency', relationship: 'Investigating for the Governor' },
      { matter: 'quintero.parole', relationship: 'Hearing scheduling' },
    ],
  },
  {
    kind: 'official',
    name: 'Jonathan Pryor',
    organisation: 'Office of the Pardon Attorney, U.S. Department of Justice',
    title: 'Attorney adviser',
    address: '950 Pennsylvania Avenue NW, Washington, DC 20530',
    createdBy: 'lead',
    links: [
      { matter: 'holloway.commutation', relationship: "Decision-maker's office" },
      { matter: 'caldwell.commutation', relationship: 'Petition filed' },
    ],
  },
  {
    kind: 'family',
    name: 'Keisha Holloway',
    organisation: null,
    title: null,
    createdBy: 'apprentice',
    links: [{ person: 'holloway', relationship: 'Daughter' }],
  },
];

/** The lead attorney's legal-mail return address (the bar number and the address are invented). */
export const DEMO_ATTORNEY_PROFILES: readonly DemoAttorneyProfile[] = [
  {
    user: 'lead',
    title: 'Attorney at Law',
    barNumber: '999041',
    barState: 'CA',
    barAddressLines: ['Redress Demo Law Office', '1200 Example Avenue, Suite 400', 'Oakland, CA 94612'],
    email: 'naomi.castellanos@demo.redress.local',
  },
];

/** The triage queue: a mother writing in Spanish, a letter from prison, and a referral the team declined. */
export const DEMO_INTAKES: readonly DemoIntake[] = [
  {
    channel: 'public_form',
    state: 'new',
    receivedOn: { daysFromSeed: -2 },
    createdBy: null,
    submittedBy: { name: 'Rosa Elena Quintanar', relationship: 'Madre', contact: 'rosa.quintanar@example.org' },
    questionnaire: {
      background: { name: 'Julián Quintanar Ortega', jurisdiction: 'CA', language: 'es' },
      claim: {
        claimType: 'actual_innocence',
        innocenceClaim:
          'Mi hijo estaba trabajando en el turno de noche cuando pasó el robo. Su jefe lo puede confirmar, ' +
          'pero el abogado nunca lo llamó como testigo. Les pido que revisen su caso.',
      },
    },
  },
  {
    channel: 'mailed_letter',
    state: 'in_review',
    receivedOn: { daysFromSeed: -18 },
    facility: 'cmf',
    createdBy: 'paralegal',
    assignedTo: 'apprentice',
    questionnaire: {
      background: {
        name: 'Dwayne Arliss Petty',
        prisonerNumber: 'BK5820',
        numberSystem: 'cdcr',
        jurisdiction: 'CA',
        language: 'en',
      },
      conviction: {
        offence: 'Murder during a robbery',
        statutes: ['PC 187(a)', 'PC 211'],
        county: 'Fresno',
        convictionDate: '2004-10-19',
        sentence: 'Life without the possibility of parole',
      },
      claim: {
        claimType: 'actual_innocence',
        innocenceClaim:
          'I was not there. The only witness picked me from a photo line-up after the detective showed her my picture twice.',
      },
    },
  },
  {
    channel: 'referral',
    state: 'decided',
    decision: {
      decision: 'declined',
      reason:
        'The conviction and sentence are in Nevada, where the team does not practise; the referring organisation was told and given the names of Nevada clinics.',
      by: 'lead',
      on: { daysFromSeed: -41 },
    },
    receivedOn: { daysFromSeed: -55 },
    createdBy: 'paralegal',
    submittedBy: {
      name: 'Valley Reentry Collective',
      relationship: 'Referring organisation',
      contact: 'intake@valley-reentry.example.org',
    },
    questionnaire: {
      background: { name: 'Marcus Delane Whitcombe', jurisdiction: 'NV', language: 'en' },
      claim: { claimType: 'excessive_sentence' },
    },
  },
];

/** Clarence's letters: the team's first answer to him, and support letters that came in for him. */
export const DEMO_CORRESPONDENCE: readonly DemoCorrespondence[] = [
  {
    person: 'whitfield',
    direction: 'out',
    channel: 'legal_mail',
    on: '2015-08-31',
    summary:
      'Acknowledged his first letter: the team has it, will read his case papers and write again within 60 days.',
    staff: 'lead',
  },
  {
    person: 'whitfield',
    direction: 'in',
    channel: 'post',
    on: { daysFromSeed: -40 },
    summary: 'Support letter from a retired teacher in Sacramento who has written to Clarence since 1998.',
    staff: 'paralegal',
  },
  {
    person: 'whitfield',
    direction: 'in',
    channel: 'post',
    on: { daysFromSeed: -12 },
    summary: 'Support letter from a church group in Oakland, with a card signed by forty members, for Clarence.',
    staff: 'paralegal',
  },
];

/** Visits at San Quentin: four hours with Clarence last week, and the next one booked for next month. */
export const DEMO_VISITS: readonly DemoVisit[] = [
  {
    person: 'whitfield',
    facility: 'sanQuentin',
    matter: 'whitfield.innocence',
    status: 'held',
    purpose: 'Legal visit: go through his letters since 1986 and the informant statements',
    requestedOn: { daysFromSeed: -30 },
    scheduled: { on: { daysFromSeed: -9 }, hours: 4 },
    held: {
      on: { daysFromSeed: -9 },
      hours: 4,
      privilegedNotes: 'Clarence named two co-workers who saw him at the plant that night; find them.',
    },
    visitors: [
      { user: 'lead', capacity: 'attorney' },
      { user: 'apprentice', capacity: 'paralegal', supervisingAttorney: 'lead' },
    ],
    createdBy: 'apprentice',
  },
  {
    person: 'whitfield',
    facility: 'sanQuentin',
    matter: 'whitfield.innocence',
    status: 'scheduled',
    purpose: 'Legal visit: bring copies of the new support letters and the lab timeline',
    requestedOn: { daysFromSeed: -5 },
    scheduled: { on: { daysFromSeed: 5 }, hours: 3 },
    visitors: [
      { user: 'lead', capacity: 'attorney' },
      { user: 'apprentice', capacity: 'paralegal', supervisingAttorney: 'lead' },
    ],
    createdBy: 'apprentice',
  },
];

export const DEMO_STORY: DemoStory = {
  users: DEMO_USERS,
  facilities: DEMO_FACILITIES,
  people: [CLARENCE_WHITFIELD, BEATRICE_HOLLOWAY, ...DEMO_FREED_CLIENTS, ...DEMO_WAITING_CLIENTS],
  contacts: DEMO_CONTACTS,
  attorneyProfiles: DEMO_ATTORNEY_PROFILES,
  intakes: DEMO_INTAKES,
  correspondence: DEMO_CORRESPONDENCE,
  visits: DEMO_VISITS,
};
