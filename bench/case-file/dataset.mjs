// The case file the benchmarks run on: people (with aliases, identifiers and a custody placement),
// matters (with their teams), notes and contacts, made up from small lists of names and words by a
// seeded random generator, so the same seed and scale give the same rows on every engine and run.
//
// Nothing here touches a database: rows come out as arrays in the order of the column lists below,
// ready for COPY (copy-rows.mjs). Identifiers are unique by construction (see `identifierNumbers`).
import { DEFAULT_DECISION_MAKERS, DEFAULT_STAGES, MATTER_TYPE_LABELS } from '@redress/core';
import { nameSearchOf } from '@redress/db';

/** Rows at BENCH_SCALE=1 (the sizes in issue 3's "Performance" section). */
export const FULL_SCALE = { people: 100_000, matters: 150_000, notes: 1_000_000, contacts: 2_000, importRows: 100_000 };

/** Identifier numbers of generated people start at 0, those of the import CSV here (see identifierNumbers). */
const IMPORT_NUMBER_BASE = 1_300_000;
/** Above this scale the CDCR numbers of generated and imported people would overlap. */
export const MAX_SCALE = 10;

export const countsFor = (scale) =>
  Object.fromEntries(Object.entries(FULL_SCALE).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]));

// ---- Random numbers (sfc32: small, fast, and the same stream in every Node version) ----

export const createRandom = (seed) => {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 16; i++) next32();
  const next = () => next32() / 4294967296;
  const hex8 = () => next32().toString(16).padStart(8, '0');
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks from [[weight, value], ...]. */
    weighted: (table) => {
      const total = table.reduce((s, [w]) => s + w, 0);
      let r = next() * total;
      for (const [w, v] of table) {
        r -= w;
        if (r < 0) return v;
      }
      return table[table.length - 1][1];
    },
    /** A version-4-shaped UUID from the stream (deterministic, unlike crypto.randomUUID). */
    uuid: () => {
      const h = hex8() + hex8() + hex8() + hex8();
      const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
};

// ---- Names and words ----

// biome-ignore format: a list of names reads better packed
const FIRST_NAMES_MALE = [
  'Jose', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Jesus', 'Antonio', 'Francisco', 'Manuel', 'Jorge', 'Ricardo',
  'Roberto', 'Daniel', 'David', 'Michael', 'James', 'Robert', 'John', 'William', 'Richard', 'Joseph', 'Thomas',
  'Charles', 'Christopher', 'Anthony', 'Mark', 'Donald', 'Steven', 'Kevin', 'Brian', 'Ronald', 'Timothy', 'Jason',
  'Jeffrey', 'Ryan', 'Gary', 'Eric', 'Larry', 'Terrence', 'Darnell', 'Tyrone', 'Andre', 'Marcus', 'Jamal',
  'Demetrius', 'Reginald', 'Cedric', 'Lamar', 'Dwayne', 'Curtis', 'Raymond', 'Willie', 'Leon', 'Calvin', 'Duc',
  'Minh', 'Sokha', 'Vanh', 'Hector', 'Ramon', 'Alfredo', 'Ernesto', 'Rafael', 'Sergio', 'Armando', 'Ruben',
  'Oscar', 'Mohammed', 'Ali', 'Tevita', 'Sione', 'Samuel', 'Isaac', 'Gabriel', 'Adrian', 'Victor', 'Edgar',
];
// biome-ignore format: a list of names reads better packed
const FIRST_NAMES_FEMALE = [
  'Maria', 'Guadalupe', 'Rosa', 'Carmen', 'Ana', 'Veronica', 'Patricia', 'Linda', 'Barbara', 'Elizabeth',
  'Jennifer', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa', 'Angela', 'Tanya', 'Keisha', 'Latoya', 'Monique',
  'Shirley', 'Brenda', 'Teresa', 'Yolanda', 'Alicia', 'Mai', 'Linh', 'Sandra', 'Donna', 'Deborah', 'Michelle',
];
// biome-ignore format: a list of names reads better packed
const SURNAMES = [
  'Garcia', 'Hernandez', 'Martinez', 'Lopez', 'Gonzalez', 'Rodriguez', 'Perez', 'Sanchez', 'Ramirez', 'Flores',
  'Rivera', 'Gomez', 'Diaz', 'Torres', 'Cruz', 'Reyes', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Ramos',
  'Ruiz', 'Alvarez', 'Mendoza', 'Castillo', 'Jimenez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar',
  'Vargas', 'Guzman', 'Salazar', 'Delgado', 'Soto', 'Contreras', 'Vasquez', 'Smith', 'Johnson', 'Williams',
  'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter',
  'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers',
  'Washington', 'Jefferson', 'Freeman', 'Banks', 'Coleman', 'Bryant', 'Simmons', 'Gaines', 'Nguyen', 'Tran',
  'Pham', 'Le', 'Vang', 'Xiong', 'Kim', 'Park', 'Singh', 'Khan', 'Fifita', 'Tuilagi', 'Cooper', 'Sullivan',
];
/** Syllables for the long tail of surnames: most people in a real docket have a name few others share. */
// biome-ignore format: a list of names reads better packed
const SYLLABLES = [
  'ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'gri', 'ston', 'bel', 'mar', 'qui', 'zen', 'fal',
  'dor', 'tek', 'wis', 'ham', 'ley', 'son', 'ber', 'ton', 'vich', 'ski', 'ard', 'ell', 'ros', 'and', 'bur',
];
const NICKNAMES = ['Big', 'Lil', 'Smokey', 'Junior', 'Shorty', 'Chino', 'Flaco', 'Slim', 'Moose', 'Tiny', 'Spider'];
// biome-ignore format: a list of names reads better packed
const SPELLINGS = {
  Mohammed: 'Muhammad', Steven: 'Stephen', Jeffrey: 'Geoffrey', Terrence: 'Terence', Jose: 'José', Jesus: 'Jesús',
  Ramon: 'Ramón', Ruben: 'Rubén', Hector: 'Héctor', Teresa: 'Theresa', Alicia: 'Alysha', Tanya: 'Tonya',
  Keisha: 'Kiesha', Sarah: 'Sara', Michael: 'Micheal', Rafael: 'Raphael', Isaac: 'Issac', Darnell: 'Darnel',
};
const LANGUAGES = [
  [70, 'English'],
  [24, 'Spanish'],
  [2, 'Vietnamese'],
  [1, 'Hmong'],
  [1, 'Tongan'],
  [1, 'Arabic'],
  [1, 'Khmer'],
];

// biome-ignore format: a list of names reads better packed
export const FACILITIES = [
  'San Quentin Rehabilitation Center', 'California State Prison, Sacramento', 'California State Prison, Corcoran',
  'Salinas Valley State Prison', 'Pelican Bay State Prison', 'Richard J. Donovan Correctional Facility',
  'Central California Women’s Facility', 'California Institution for Men', 'Valley State Prison',
  'Mule Creek State Prison', 'California Medical Facility', 'Kern Valley State Prison', 'High Desert State Prison',
  'Chuckawalla Valley State Prison', 'Ironwood State Prison', 'FCI Terminal Island', 'USP Atwater',
  'FCI Dublin', 'FCI Victorville Medium II', 'USP Victorville', 'FCI Mendota', 'FMC Butner', 'USP Lompoc',
  'Los Angeles County Men’s Central Jail', 'Twin Towers Correctional Facility',
];
const HOUSING = [
  'Condemned / East Block',
  'A Yard',
  'B Yard / Building 4',
  'C Facility',
  'Level III',
  'Unit 2',
  'Medical unit',
];
const LEARNED_FROM = ['locator', 'letter', 'family', 'court', 'returned_mail', 'phone', 'other'];
// biome-ignore format: a list of names reads better packed
const COURTS = [
  'Los Angeles County Superior Court', 'Alameda County Superior Court', 'Riverside County Superior Court',
  'San Diego County Superior Court', 'Fresno County Superior Court', 'U.S. District Court, C.D. Cal.',
  'U.S. District Court, E.D. Cal.', 'Court of Appeal, Second District', 'Ninth Circuit',
];
// biome-ignore format: a list of names reads better packed
const DOCUMENTS = [
  'abstract of judgment', 'probation report', 'trial transcript', 'C-file', 'medical records', 'rules violation report',
  'risk assessment', 'clemency application', 'support letters', 'chrono', 'appellate brief', 'police report',
  'autopsy report', 'lab bench notes', 'discovery index', 'declaration', 'parole plans', 'education records',
];
// biome-ignore format: a list of names reads better packed
const TOPICS = [
  'programming and self-help groups', 'the commutation application', 'parole plans', 'housing after release',
  'the DNA testing motion', 'medical needs', 'the letter to the Governor', 'trial counsel’s file', 'the board packet',
  'family support', 'the resentencing petition', 'the risk assessment', 'work history', 'insight and remorse',
];
// biome-ignore format: a list of names reads better packed
const EVIDENCE = [
  'rape kit', 'fingernail scrapings', 'hair found at the scene', 'bloodstained shirt', 'cigarette butt', 'knife handle',
  'ski mask', 'jacket cuffs', 'bedsheet', 'shell casings',
];
const LAB_STATUS = [
  'located',
  'not yet located',
  'consumed in earlier testing',
  'at the lab',
  'awaiting the agreement',
];
const OUTCOMES_TEXT = ['continued', 'granted', 'denied', 'taken under submission', 'set for a hearing', 'stayed'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const RELATIVES = ['mother', 'sister', 'brother', 'daughter', 'son', 'aunt', 'cousin', 'grandmother', 'wife'];

const NOTE_TEMPLATES = [
  [
    14,
    (n) =>
      `Called ${n.facility} records office about legal mail for ${n.first}. The counselor said the ${n.doc} would go out by ${n.weekday}.`,
  ],
  [
    12,
    (n) =>
      `Reviewed the ${n.doc} from ${n.court}: the motion was ${n.outcome}. Next: ask trial counsel for the file and calendar the hearing.`,
  ],
  [
    12,
    (n) =>
      `Visit with ${n.first} at ${n.facility}. We talked about ${n.topic}; ${n.first} will write to the ${n.relative} for support letters before the hearing.`,
  ],
  [
    10,
    (n) =>
      `Letter from ${n.fullName} asking about ${n.topic}. Wrote back with the timeline and a copy of the ${n.doc}.`,
  ],
  [
    9,
    (n) =>
      `${n.first}'s ${n.relative} called. She has the ${n.doc} and will mail copies; follow up about ${n.topic} next ${n.weekday}.`,
  ],
  [
    8,
    (n) =>
      `Parole hearing preparation: went through the risk assessment and the ${n.doc} with ${n.first}. Practice questions on ${n.topic}.`,
  ],
  [
    7,
    (n) =>
      `Drafted the section on ${n.topic} for the petition. Needs the ${n.doc} and two more declarations before filing.`,
  ],
  [
    5,
    (n) =>
      `Lab update: the ${n.evidence} is ${n.labStatus}. Serology results expected in ${n.weeks} weeks; send the chain of custody records.`,
  ],
  [
    5,
    (n) =>
      `Transfer learned from the ${n.learned}: ${n.first} moved to ${n.facility}. Mail hold until the new address is confirmed.`,
  ],
  [
    4,
    (n) => `Team meeting: ${n.fullName}, ${n.topic}. Decision to request the ${n.doc} and interview the ${n.relative}.`,
  ],
];

// ---- Identifiers ----

/**
 * CDCR (one letter and five digits), BOP register (NNNNN-NNN) and county booking numbers of person
 * number n: each an affine permutation of its space, so distinct n never share a value.
 */
const CDCR_SPACE = 26 * 100_000;
export const identifierNumbers = (n) => {
  const c = (n * 7919 + 13) % CDCR_SPACE;
  const b = (n * 7919 + 12_345) % 100_000_000;
  const k = (n * 104_729 + 7) % 100_000_000;
  return {
    cdcr: `${String.fromCharCode(65 + Math.floor(c / 100_000))}${String(c % 100_000).padStart(5, '0')}`,
    bop: `${String(Math.floor(b / 1000)).padStart(5, '0')}-${String(b % 1000).padStart(3, '0')}`,
    county_booking: `BK${String(k).padStart(8, '0')}`,
  };
};

// ---- Dates ----

const DAY_MS = 86_400_000;
const dayOf = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const TODAY = dayOf('2026-11-01');
const FIRST_DAY = dayOf('2012-01-01');
const isoDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const instant = (day, rng) => new Date(day * DAY_MS + rng.int(DAY_MS)).toISOString();

// ---- People ----

const capitalised = (s) => s[0].toUpperCase() + s.slice(1);

const surname = (rng) =>
  rng.chance(0.7)
    ? rng.pick(SURNAMES)
    : capitalised(Array.from({ length: 2 + rng.int(2) }, () => rng.pick(SYLLABLES)).join(''));

/**
 * One person's record as the import CSV has it (and as the generator writes it): name, aliases,
 * identifiers... `n` numbers the person for its identifiers and external id.
 */
export const makePerson = (rng, n) => {
  const isFemale = rng.chance(0.09);
  const first = rng.pick(isFemale ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
  const middle = rng.chance(0.35) ? ` ${rng.pick(FIRST_NAMES_MALE)[0]}.` : '';
  const last = surname(rng);
  const legalName = `${first}${middle} ${last}`;
  const aliases = [];
  if (rng.chance(0.3)) {
    const count = rng.chance(0.3) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted([
        [4, 'spelling'],
        [3, 'alias'],
        [2, 'committed_name'],
        [1, 'former_name'],
      ]);
      const name =
        kind === 'spelling'
          ? `${SPELLINGS[first] ?? first} ${rng.chance(0.5) ? last : `${last}s`}`
          : kind === 'alias'
            ? `${rng.pick(NICKNAMES)} ${first}`
            : `${first} ${surname(rng)}`;
      if (name !== legalName && !aliases.some((a) => a.name === name)) aliases.push({ name, kind });
    }
  }
  const status = rng.weighted([
    [70, 'in_custody'],
    [14, 'released'],
    [11, 'on_parole'],
    [5, 'deceased'],
  ]);
  const isFederal = rng.chance(0.2);
  const numbers = identifierNumbers(n);
  const identifiers = {};
  if (!isFederal && rng.chance(0.9)) identifiers.cdcr = numbers.cdcr;
  if (isFederal) identifiers.bop = numbers.bop;
  if (rng.chance(0.15)) identifiers.county_booking = numbers.county_booking;
  const birthDay = dayOf('1945-01-01') + rng.int(dayOf('2004-12-31') - dayOf('1945-01-01'));
  return {
    n,
    externalId: `P${String(n).padStart(7, '0')}`,
    first,
    legalName,
    aliases,
    dateOfBirth: rng.chance(0.97) ? isoDay(birthDay) : null,
    gender: isFemale ? 'female' : rng.chance(0.98) ? 'male' : 'non-binary',
    preferredLanguage: rng.weighted(LANGUAGES),
    status,
    identifiers,
  };
};

export const IMPORT_PERSON_NUMBER = (i) => IMPORT_NUMBER_BASE + i;

// ---- Column lists (the order of the rows below) ----

export const COLUMNS = {
  users: ['id', 'email', 'name', 'role', 'created_at', 'updated_at'],
  people: [
    'id',
    'external_id',
    'legal_name',
    'name_search',
    'date_of_birth',
    'gender',
    'preferred_language',
    'status',
    'mail_hold_since',
    'mail_hold_reason',
    'created_by',
    'created_at',
    'updated_at',
  ],
  person_aliases: ['id', 'person_id', 'name', 'name_search', 'kind'],
  person_identifiers: ['id', 'person_id', 'system', 'value', 'issuer'],
  custody_placements: [
    'id',
    'person_id',
    'facility_name',
    'housing',
    'from_date',
    'to_date',
    'learned_from',
    'created_at',
  ],
  matters: [
    'id',
    'person_id',
    'type',
    'title',
    'stage',
    'decision_maker',
    'opened_on',
    'closed_on',
    'outcome',
    'release_date',
    'created_by',
    'created_at',
    'updated_at',
  ],
  matter_team: ['matter_id', 'user_id', 'matter_role', 'added_at'],
  notes: ['id', 'matter_id', 'body', 'is_privileged', 'author_id', 'created_at', 'updated_at'],
  contacts: [
    'id',
    'kind',
    'name',
    'name_search',
    'organisation',
    'title',
    'email',
    'phone',
    'created_at',
    'updated_at',
  ],
};

// ---- Staff ----

/** The staff, besides the administrator the first start creates. `bench.paralegal` is measured. */
export const STAFF = [
  ...Array.from({ length: 15 }, (_, i) => ({ key: `attorney${i}`, role: 'attorney' })),
  ...Array.from({ length: 10 }, (_, i) => ({ key: `advocate${i}`, role: 'advocate' })),
  { key: 'paralegal', role: 'paralegal' },
  ...Array.from({ length: 19 }, (_, i) => ({ key: `paralegal${i + 1}`, role: 'paralegal' })),
  ...Array.from({ length: 5 }, (_, i) => ({ key: `investigator${i}`, role: 'investigator' })),
  ...Array.from({ length: 10 }, (_, i) => ({ key: `volunteer${i}`, role: 'volunteer' })),
];
export const BENCH_PARALEGAL_EMAIL = 'paralegal@bench.redress.local';
/** Share of matters the measured paralegal works on (about 1,500 of 150,000 at full scale). */
const BENCH_PARALEGAL_SHARE = 0.01;

/**
 * The whole case file, generated in order: `emit(table, row)` receives every row. Returns what the
 * benchmarks search for (names, an identifier, words in notes) and the row counts.
 */
export const generateCaseFile = async ({ seed, counts, emit }) => {
  const rng = createRandom(seed);
  const created = new Date(Date.UTC(2026, 0, 5)).toISOString();
  const staff = STAFF.map((s) => ({
    ...s,
    id: rng.uuid(),
    email: s.key === 'paralegal' ? BENCH_PARALEGAL_EMAIL : `${s.key}@bench.redress.local`,
    name: `${rng.pick([...FIRST_NAMES_FEMALE, ...FIRST_NAMES_MALE])} ${rng.pick(SURNAMES)}`,
  }));
  for (const s of staff) await emit('users', [s.id, s.email, s.name, s.role, created, created]);
  const ofRole = (role) => staff.filter((s) => s.role === role);
  const attorneys = ofRole('attorney');
  const advocates = [...ofRole('advocate'), ...ofRole('investigator')];
  const benchParalegal = staff.find((s) => s.key === 'paralegal');
  const otherParalegals = ofRole('paralegal').filter((s) => s !== benchParalegal);
  const volunteers = ofRole('volunteer');

  // People, each with aliases, identifiers and one custody placement (open while in custody).
  const people = new Array(counts.people);
  const probes = { rareName: null, commonName: null, cdcr: null };
  for (let i = 0; i < counts.people; i++) {
    const p = makePerson(rng, i);
    const id = rng.uuid();
    const createdDay = FIRST_DAY + rng.int(TODAY - FIRST_DAY);
    const createdAt = instant(createdDay, rng);
    const hasMailHold = p.status === 'in_custody' && rng.chance(0.02);
    people[i] = { id, legalName: p.legalName, first: p.first, createdDay };
    await emit('people', [
      id,
      p.externalId,
      p.legalName,
      nameSearchOf(p.legalName),
      p.dateOfBirth,
      p.gender,
      p.preferredLanguage,
      p.status,
      hasMailHold ? isoDay(TODAY - rng.int(60)) : null,
      hasMailHold ? 'Transfer learned; new address not confirmed' : null,
      rng.pick(attorneys).id,
      createdAt,
      instant(createdDay + rng.int(TODAY - createdDay + 1), rng),
    ]);
    for (const a of p.aliases) await emit('person_aliases', [rng.uuid(), id, a.name, nameSearchOf(a.name), a.kind]);
    for (const [system, value] of Object.entries(p.identifiers)) {
      await emit('person_identifiers', [
        rng.uuid(),
        id,
        system,
        value,
        system === 'county_booking' ? 'Los Angeles County' : null,
      ]);
    }
    const fromDay = createdDay - rng.int(3000);
    const isOpen = p.status === 'in_custody';
    await emit('custody_placements', [
      rng.uuid(),
      id,
      rng.pick(FACILITIES),
      rng.chance(0.5) ? rng.pick(HOUSING) : null,
      isoDay(fromDay),
      isOpen ? null : isoDay(Math.min(TODAY, fromDay + 200 + rng.int(4000))),
      rng.pick(LEARNED_FROM),
      createdAt,
    ]);
    // Probes from the middle of the table: a name shared by many, one shared by few, an identifier.
    if (i >= counts.people / 2) {
      const isCommon = SURNAMES.includes(p.legalName.split(' ').pop());
      if (!probes.commonName && isCommon && !p.legalName.includes('.')) probes.commonName = p.legalName;
      if (!probes.rareName && !isCommon && !p.legalName.includes('.') && p.legalName.length >= 14) {
        probes.rareName = p.legalName;
      }
      if (!probes.cdcr && p.identifiers.cdcr) probes.cdcr = p.identifiers.cdcr;
    }
  }

  // Matters, with their teams: a lead attorney on most, a paralegal on half, and the measured
  // paralegal on about one in a hundred.
  const types = [
    [20, 'state_commutation'],
    [8, 'federal_commutation'],
    [8, 'pardon'],
    [15, 'innocence_investigation'],
    [6, 'dna_testing'],
    [15, 'resentencing'],
    [8, 'compassionate_release'],
    [12, 'parole_hearing'],
    [5, 'habeas'],
    [3, 'reentry'],
  ];
  const matters = new Array(counts.matters);
  let teamRows = 0;
  for (let i = 0; i < counts.matters; i++) {
    const person = people[rng.int(counts.people)];
    const type = rng.weighted(types);
    const stages = DEFAULT_STAGES[type];
    const openedDay = Math.min(TODAY, person.createdDay + rng.int(1500));
    const isClosed = rng.chance(0.4) && openedDay < TODAY - 30;
    const closedDay = isClosed ? openedDay + 30 + rng.int(Math.max(1, TODAY - openedDay - 30)) : null;
    const outcome = isClosed
      ? rng.weighted([
          [25, 'granted'],
          [50, 'denied'],
          [15, 'withdrawn'],
          [10, 'moot'],
        ])
      : 'pending';
    const id = rng.uuid();
    const team = [];
    if (rng.chance(0.95)) team.push([rng.pick(attorneys), 'lead_attorney']);
    if (rng.chance(0.1)) team.push([rng.pick(attorneys), 'co_counsel']);
    if (rng.chance(BENCH_PARALEGAL_SHARE)) team.push([benchParalegal, 'paralegal']);
    else if (rng.chance(0.5)) team.push([rng.pick(otherParalegals), 'paralegal']);
    if (rng.chance(0.2)) {
      const a = rng.pick(advocates);
      team.push([a, a.role === 'investigator' ? 'investigator' : 'advocate']);
    }
    if (rng.chance(0.05)) team.push([rng.pick(volunteers), 'volunteer']);
    const seen = new Set();
    const members = team.filter(([u]) => (seen.has(u.id) ? false : seen.add(u.id)));
    const lastDay = closedDay ?? TODAY;
    matters[i] = { id, person, openedDay, lastDay, authors: members.map(([u]) => u.id) };
    await emit('matters', [
      id,
      person.id,
      type,
      `${MATTER_TYPE_LABELS[type]}: ${person.legalName}`,
      isClosed ? stages[stages.length - 1] : rng.pick(stages),
      DEFAULT_DECISION_MAKERS[type] ?? rng.pick(COURTS),
      isoDay(openedDay),
      closedDay === null ? null : isoDay(closedDay),
      outcome,
      outcome === 'granted' && rng.chance(0.5) ? isoDay(closedDay + rng.int(90)) : null,
      members[0]?.[0].id ?? null,
      instant(openedDay, rng),
      instant(openedDay + rng.int(lastDay - openedDay + 1), rng),
    ]);
    for (const [u, role] of members) {
      teamRows += 1;
      await emit('matter_team', [id, u.id, role, instant(openedDay, rng)]);
    }
  }

  // Notes on matters, written by their team, one in seven privileged.
  const noteRng = rng;
  for (let i = 0; i < counts.notes; i++) {
    const m = matters[noteRng.int(counts.matters)];
    const day = m.openedDay + noteRng.int(m.lastDay - m.openedDay + 1);
    const template = noteRng.weighted(NOTE_TEMPLATES);
    const body = template({
      first: m.person.first,
      fullName: m.person.legalName,
      facility: noteRng.pick(FACILITIES),
      doc: noteRng.pick(DOCUMENTS),
      court: noteRng.pick(COURTS),
      outcome: noteRng.pick(OUTCOMES_TEXT),
      topic: noteRng.pick(TOPICS),
      relative: noteRng.pick(RELATIVES),
      weekday: noteRng.pick(WEEKDAYS),
      evidence: noteRng.pick(EVIDENCE),
      labStatus: noteRng.pick(LAB_STATUS),
      learned: noteRng.pick(['inmate locator', 'returned mail', 'family', 'counselor']),
      weeks: 2 + noteRng.int(10),
    });
    const at = instant(day, noteRng);
    await emit('notes', [
      noteRng.uuid(),
      m.id,
      body,
      noteRng.chance(1 / 7),
      m.authors.length ? noteRng.pick(m.authors) : null,
      at,
      at,
    ]);
  }

  // The contacts directory: officials, attorneys, family, laboratories...
  const organisations = [
    'Office of the Pardon Attorney',
    'Office of the Governor, Legal Affairs',
    'Board of Parole Hearings',
    'Los Angeles County District Attorney',
    'Federal Public Defender, C.D. Cal.',
    'Serological Research Institute',
    'California Department of Justice, Bureau of Forensic Services',
    'Bode Technology',
    'Los Angeles Times',
  ];
  for (let i = 0; i < counts.contacts; i++) {
    const kind = rng.weighted([
      [3, 'official'],
      [3, 'attorney'],
      [4, 'family'],
      [2, 'supporter'],
      [1, 'journalist'],
      [1, 'laboratory'],
    ]);
    const name = `${rng.pick([...FIRST_NAMES_FEMALE, ...FIRST_NAMES_MALE])} ${surname(rng)}`;
    const at = instant(FIRST_DAY + rng.int(TODAY - FIRST_DAY), rng);
    await emit('contacts', [
      rng.uuid(),
      kind,
      name,
      nameSearchOf(name),
      kind === 'family' ? null : rng.pick(organisations),
      kind === 'official' ? 'Deputy' : null,
      null,
      rng.chance(0.5) ? `(916) 555-${String(rng.int(10_000)).padStart(4, '0')}` : null,
      at,
      at,
    ]);
  }

  const misspell = (name) => {
    // Two letters of the surname swapped: "Kevin Ruantonell" for "Kevin Ruantonlel".
    const parts = name.split(' ');
    const last = parts.pop();
    const k = Math.max(1, Math.floor(last.length / 2));
    return [...parts, last.slice(0, k - 1) + last[k] + last[k - 1] + last.slice(k + 1)].join(' ');
  };
  return {
    counts: { users: staff.length, ...counts, team: teamRows },
    staff: staff.map(({ email, role }) => ({ email, role })),
    probes: {
      commonName: probes.commonName,
      commonSurname: probes.commonName?.split(' ').pop() ?? 'Garcia',
      rareName: probes.rareName,
      misspeltName: probes.rareName ? misspell(probes.rareName) : null,
      cdcr: probes.cdcr,
      facility: 'San Quentin',
      rareNoteWord: 'fingernail',
      commonNoteWord: 'hearing',
    },
  };
};
