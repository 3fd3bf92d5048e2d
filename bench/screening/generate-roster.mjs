#!/usr/bin/env node
import { once } from 'node:events';
// Synthetic relief-screening rosters (screening-format.md) for benchmarks and demos, of any size,
// streamed to a file (or stdout) with bounded memory, the same for the same seed.
//
//   node bench/screening/generate-roster.mjs --people 100000 --jurisdiction CA|US|mixed \
//        --format jsonl|csv --seed 42 [--out roster.jsonl] [--broken 0.001]
//
// About 2 convictions per person (1 to 4). Ages 18 to 85 on 2026-07-01; custody starting 1975 to
// 2025, longer sentences among the earlier starts; statutes drawn with rough weights from California
// and federal prison populations, written the way extracts write them (mostly `PC 187(a)`, some
// `PC187(a)`, `187 PC`, `HS11359`, `21:841(b)(1)(A)(iii)`, `18 USC 924(c)`); sentence types death,
// LWOP, indeterminate (N years to life), determinate with months; Three Strikes on some; crack
// cocaine 841(b)(1)(A)(iii) before 2010; some missing facts (degree, custody start, theory of
// liability) as real records have. `--broken` is the share of records made wrong on purpose (an
// impossible date, no date of birth, bad JSON or a cut CSV row).
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000' },
    jurisdiction: { type: 'string', default: 'mixed' },
    format: { type: 'string', default: 'jsonl' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    broken: { type: 'string', default: '0' },
  },
});

const fail = (message) => {
  console.error(`generate-roster: ${message}`);
  process.exit(2);
};
const PEOPLE = Number(values.people);
const SEED = Number(values.seed);
const BROKEN = Number(values.broken);
if (!Number.isInteger(PEOPLE) || PEOPLE < 0) fail('--people must be a whole number');
if (!['CA', 'US', 'mixed'].includes(values.jurisdiction)) fail('--jurisdiction must be CA, US or mixed');
if (!['jsonl', 'csv'].includes(values.format)) fail('--format must be jsonl or csv');
if (!Number.isFinite(SEED)) fail('--seed must be a number');
if (!(BROKEN >= 0 && BROKEN <= 1)) fail('--broken must be between 0 and 1');

// mulberry32: small, fast, deterministic.
let state = SEED >>> 0 || 1;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
/** Draws from [[weight, value], ...]. */
const weighted = (table) => {
  const total = table.reduce((s, [w]) => s + w, 0);
  let r = random() * total;
  for (const [w, v] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][1];
};

const pad = (n) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const day = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const randomDay = (y) => {
  const m = int(1, 12);
  const max = m === 2 && isLeap(y) ? 29 : DAYS[m - 1];
  return day(y, m, int(1, max));
};
const yearOf = (d) => Number(d.slice(0, 4));
/** A date some days before another (never crossing into an impossible date). */
const daysBefore = (d, n) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - n);
  return t.toISOString().slice(0, 10);
};
const daysAfter = (d, n) => daysBefore(d, -n);

// Statutes: [weight, canonical text, facts]. Weights follow the rough make-up of long-term prison
// populations (homicide, robbery and assault over-represented against admissions).
const CA_OFFENSES = [
  [14, 'PC 187(a)', { kind: 'murder', violent: true }],
  [5, 'PC 664/187(a)', { kind: 'attempted_murder', violent: true }],
  [13, 'PC 211', { kind: 'robbery', violent: true }],
  [10, 'PC 245(a)(1)', { kind: 'assault', violent: true }],
  [3, 'PC 245(a)(4)', { kind: 'assault', violent: true }],
  [6, 'PC 459', { kind: 'burglary' }],
  [5, 'PC 288(a)', { kind: 'sex', violent: true, sex: true }],
  [2, 'PC 261(a)(2)', { kind: 'sex', violent: true, sex: true }],
  [2, 'PC 207(a)', { kind: 'kidnap', violent: true }],
  [2, 'PC 209(b)(1)', { kind: 'kidnap', violent: true }],
  [4, 'HS 11352(a)', { kind: 'drug', drug: 'cocaine' }],
  [3, 'HS 11351', { kind: 'drug', drug: 'cocaine' }],
  [4, 'HS 11378', { kind: 'drug', drug: 'methamphetamine' }],
  [1, 'HS 11359', { kind: 'cannabis', drug: 'cannabis' }],
  [1, 'HS 11360(a)', { kind: 'cannabis', drug: 'cannabis' }],
  [2, 'PC 666', { kind: 'theft' }],
  [2, 'PC 496(a)', { kind: 'theft' }],
  [2, 'PC 487(a)', { kind: 'theft' }],
  [2, 'VC 10851(a)', { kind: 'theft' }],
  [3, 'PC 29800(a)(1)', { kind: 'weapon' }],
  [2, 'PC 422', { kind: 'threats' }],
  [2, 'PC 273.5(a)', { kind: 'dv', violent: false }],
  [1, 'PC 246', { kind: 'shooting', violent: true }],
  [1, 'PC 215(a)', { kind: 'carjacking', violent: true }],
  [1, 'PC 192(a)', { kind: 'manslaughter', violent: true }],
];
const CA_ENHANCEMENTS = [
  [4, 'PC 12022.53(d)'],
  [3, 'PC 12022.53(b)'],
  [1, 'PC 12022.53(c)'],
  [4, 'PC 667(a)'],
  [4, 'PC 667.5(b)'],
  [3, 'PC 12022.5(a)'],
  [3, 'PC 186.22(b)(1)'],
  [2, 'PC 12022.7(a)'],
];
const US_OFFENSES = [
  [22, '21 USC 841(a)(1)', { kind: 'drug', drug: 'methamphetamine' }],
  [8, '21 USC 841(b)(1)(A)(iii)', { kind: 'crack', drug: 'cocaine base' }],
  [4, '21 USC 841(b)(1)(B)(iii)', { kind: 'crack', drug: 'cocaine base' }],
  [12, '21 USC 846', { kind: 'drug', drug: 'cocaine' }],
  [10, '18 USC 924(c)', { kind: 'gun_violence', violent: true }],
  [12, '18 USC 922(g)(1)', { kind: 'weapon' }],
  [4, '18 USC 2113(a)', { kind: 'robbery', violent: true }],
  [3, '18 USC 1951(a)', { kind: 'robbery', violent: true }],
  [4, '18 USC 2252A(a)(2)', { kind: 'sex', sex: true }],
  [2, '18 USC 2251(a)', { kind: 'sex', sex: true, violent: true }],
  [4, '18 USC 1343', { kind: 'fraud' }],
  [3, '18 USC 1956(h)', { kind: 'fraud' }],
  [5, '8 USC 1326(a)', { kind: 'immigration' }],
  [1, '18 USC 2119', { kind: 'carjacking', violent: true }],
  [1, '18 USC 1111', { kind: 'murder', violent: true }],
];

/** Statute text as an extract might write it. */
const writtenAs = (statute) => {
  const r = random();
  if (r < 0.78) return statute;
  const ca = /^(PC|HS|VC) (.+)$/.exec(statute);
  if (ca) {
    if (r < 0.9) return `${ca[1]}${ca[2]}`;
    if (r < 0.96) return `${ca[2]} ${ca[1]}`;
    return `${ca[1]} ${ca[2]} `.toLowerCase();
  }
  const us = /^(\d+) USC (.+)$/.exec(statute);
  if (us) {
    if (r < 0.9) return `${us[1]}:${us[2]}`;
    if (r < 0.96) return `${us[1]} U.S.C. § ${us[2]}`;
    return `${us[1]} USC ${us[2]}`.replace(/\(/g, ' (');
  }
  return statute;
};

const THEORIES = [
  [70, 'unknown'],
  [15, 'actual_killer'],
  [6, 'felony_murder_non_killer'],
  [4, 'direct_aider_abettor'],
  [3, 'natural_and_probable_consequences'],
  [2, 'other_imputed_malice'],
];
const DIAGNOSES = ['end-stage liver disease', 'metastatic cancer', 'dementia', 'ALS', 'congestive heart failure'];

/** One conviction of a person whose custody started on `custodyStart`. */
const conviction = (jurisdiction, custodyStart, index, flags) => {
  const [, statute, facts] = weighted((jurisdiction === 'CA' ? CA_OFFENSES : US_OFFENSES).map((o) => [o[0], o]));
  const offense = daysBefore(custodyStart, int(0, 400));
  const convicted = daysAfter(offense, int(60, 700));
  const sentenced = daysAfter(convicted, int(20, 90));
  const c = { statute: writtenAs(statute) };
  if (chance(0.06)) {
    c.offense_start = daysBefore(offense, int(30, 700));
    c.offense_end = offense;
  } else if (!chance(0.04)) c.offense_date = offense;
  c.conviction_date = convicted;
  c.sentencing_date = sentenced;
  c.disposition = weighted([
    [88, 'plea'],
    [11, 'jury'],
    [1, 'bench'],
  ]);
  c.felony = true;
  c.sex_offense = Boolean(facts.sex);
  if (jurisdiction === 'US') c.crime_of_violence = Boolean(facts.violent);
  if (facts.drug) c.drug = facts.drug;
  if (jurisdiction === 'CA') {
    if (facts.kind === 'murder') {
      if (!chance(0.12)) c.degree = chance(0.45) ? 'first' : 'second';
      c.theory_of_liability = weighted(THEORIES);
      const lwop = c.degree === 'first' && chance(0.35);
      if (lwop) {
        c.sentence_type = chance(0.08) ? 'death' : 'LWOP';
        c.sentence = c.sentence_type === 'death' ? 'death' : 'life without the possibility of parole';
        if (chance(0.7)) c.special_circumstances = [pick(['PC 190.2(a)(17)', 'PC 190.2(a)(3)', 'PC 190.2(a)(15)'])];
      } else {
        const n = c.degree === 'first' ? 25 : 15;
        c.sentence_type = 'indeterminate';
        c.sentence = `${n} years to life`;
      }
      if (chance(0.02)) c.victim = { peace_officer: true, defendant_knew: true };
    } else if (flags.threeStrikes && index === 0) {
      c.sentence_type = 'indeterminate';
      c.sentence = '25 years to life';
    } else if (facts.kind === 'attempted_murder' && chance(0.3)) {
      c.sentence_type = 'life';
      c.sentence = 'life with the possibility of parole';
    } else {
      c.sentence_type = 'determinate';
      const base = facts.violent ? int(24, 300) : int(16, 96);
      c.term_months = base;
      c.sentence = `${Math.floor(base / 12)} years ${base % 12} months`;
    }
    if (facts.violent && chance(0.35)) {
      const count = int(1, 2);
      c.enhancements = Array.from({ length: count }, () => weighted(CA_ENHANCEMENTS.map((e) => [e[0], e[1]])));
    }
  } else {
    c.sentence_type = 'term';
    const year = yearOf(sentenced);
    const months =
      facts.kind === 'crack'
        ? weighted([
            [40, int(120, 240)],
            [30, int(240, 480)],
            [30, int(60, 120)],
          ])
        : facts.kind === 'gun_violence'
          ? int(60, 420)
          : facts.kind === 'murder'
            ? int(300, 720)
            : int(12, 240);
    if (chance(facts.kind === 'crack' ? 0.12 : 0.02) || (facts.kind === 'murder' && chance(0.4))) {
      c.sentence_type = 'life';
      c.sentence = 'life';
    } else {
      c.term_months = months;
      c.sentence = `${months} months`;
    }
    if (facts.kind === 'crack') c.fsa_2010_applied_at_sentencing = year >= 2011 ? true : year < 2010 ? false : null;
    if (flags.federalThreeStrikes && index === 0) {
      c.sentence_type = 'life';
      c.sentence = 'mandatory life';
      c.sentenced_under = '18 U.S.C. 3559(c)';
      delete c.term_months;
    }
  }
  if (index === 0 && chance(0.5)) c.controlling = true;
  return c;
};

const person = (n) => {
  const jurisdiction =
    values.jurisdiction === 'mixed' ? (chance(0.6) ? 'CA' : 'US') : /** @type {'CA'|'US'} */ (values.jurisdiction);
  // Long sentences keep people inside: earlier starts are rarer but not rare.
  const startYear = weighted([
    [3, int(1975, 1989)],
    [8, int(1990, 1999)],
    [14, int(2000, 2009)],
    [22, int(2010, 2019)],
    [18, int(2020, 2025)],
  ]);
  const custodyStart = randomDay(startYear);
  const ageAtStart = weighted([
    [4, int(16, 17)],
    [38, int(18, 25)],
    [32, int(26, 35)],
    [18, int(36, 50)],
    [8, int(51, 70)],
  ]);
  let birthYear = startYear - ageAtStart;
  // Ages 18 to 85 on the reference date.
  birthYear = Math.min(2026 - 18, Math.max(2026 - 85, birthYear));
  const dob = chance(0.002) ? day(birthYear - (birthYear % 4), 2, 29) : randomDay(birthYear);
  const threeStrikes = jurisdiction === 'CA' && chance(0.07);
  const federalThreeStrikes = jurisdiction === 'US' && chance(0.01);
  const count = weighted([
    [40, 1],
    [30, 2],
    [20, 3],
    [10, 4],
  ]);
  const convictions = Array.from({ length: count }, (_, i) =>
    conviction(jurisdiction, custodyStart, i, { threeStrikes, federalThreeStrikes }),
  );
  const p = {
    id: `${jurisdiction === 'CA' ? 'CDCR' : 'BOP'}-${String(n).padStart(8, '0')}`,
    jurisdiction,
    person: { dob, currently_incarcerated: true },
    custody: {},
  };
  if (!chance(0.03)) p.custody.custody_start = custodyStart;
  p.custody.continuous = chance(0.9) ? true : chance(0.5) ? false : null;
  if (chance(0.1))
    p.custody.prior_custody_periods = [
      { from: daysBefore(custodyStart, 900), to: daysBefore(custodyStart, 700), ended_by: 'bail' },
    ];
  p.convictions = convictions;
  if (threeStrikes) {
    p.sentencing_schemes = ['three_strikes'];
    p.prior_strikes = int(2, 3);
  } else {
    p.sentencing_schemes = [];
    p.prior_strikes = chance(0.15) ? 1 : 0;
  }
  p.pc290_registrant = convictions.some((c) => c.sex_offense) ? true : chance(0.8) ? false : null;
  if (chance(0.04)) {
    p.medical = {
      diagnosis: pick(DIAGNOSES),
      serious_advanced_illness_end_of_life: chance(0.5),
      permanent_incapacity_adl: chance(0.3),
      requires_24_hour_care: chance(0.2),
    };
  }
  if (jurisdiction === 'US') {
    if (chance(0.08)) p.bop_request = { warden_received: daysAfter('2024-01-01', int(0, 800)), denied: chance(0.7) };
    if (chance(0.05)) p.prior_404_motion = { outcome: pick(['denied_on_merits', 'granted', 'denied_other']) };
    if (chance(0.03))
      p.pending_litigation = [
        { type: '28 U.S.C. 2255', filed: daysAfter('2023-01-01', int(0, 900)), status: 'pending' },
      ];
  } else {
    p.criminal_history = { escape_history: chance(0.01), prior_violent_or_sex_convictions: chance(0.2) };
  }
  return p;
};

/** A record made wrong on purpose, as real extracts have a few. */
const breakPerson = (p) => {
  const how = int(0, 2);
  if (how === 0) p.person.dob = `${p.person.dob.slice(0, 4)}-02-30`;
  else if (how === 1) delete p.person.dob;
  else p.convictions[0].sentence_type = 'forever';
  return p;
};

// CSV ------------------------------------------------------------------------------------------------
const CSV_COLUMNS = [
  'id',
  'jurisdiction',
  'person.dob',
  'person.currently_incarcerated',
  'custody.custody_start',
  'custody.continuous',
  'custody.prior_custody_periods',
  'sentencing_schemes',
  'prior_strikes',
  'pc290_registrant',
  'criminal_history.escape_history',
  'criminal_history.prior_violent_or_sex_convictions',
  'medical.diagnosis',
  'medical.serious_advanced_illness_end_of_life',
  'medical.permanent_incapacity_adl',
  'medical.requires_24_hour_care',
  'bop_request.warden_received',
  'bop_request.denied',
  'prior_404_motion.outcome',
  'pending_litigation',
  'statute',
  'degree',
  'offense_date',
  'offense_start',
  'offense_end',
  'conviction_date',
  'sentencing_date',
  'disposition',
  'sentence_type',
  'sentence',
  'term_months',
  'controlling',
  'felony',
  'sex_offense',
  'crime_of_violence',
  'drug',
  'theory_of_liability',
  'special_circumstances',
  'enhancements',
  'sentenced_under',
  'fsa_2010_applied_at_sentencing',
  'victim.peace_officer',
  'victim.defendant_knew',
];
const at = (o, path) => path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), o);
const cell = (v) => {
  if (v === undefined || v === null) return '';
  let s = Array.isArray(v)
    ? v.length === 0
      ? 'none'
      : typeof v[0] === 'object'
        ? JSON.stringify(v)
        : v.join(';')
    : String(v);
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
};
const PERSON_COLUMNS = CSV_COLUMNS.slice(0, CSV_COLUMNS.indexOf('statute'));
const CONVICTION_COLUMNS = CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('statute'));
const csvRows = (p) => {
  const head = PERSON_COLUMNS.map((c) => cell(at(p, c))).join(',');
  let text = '';
  for (const c of p.convictions) text += `${head},${CONVICTION_COLUMNS.map((k) => cell(at(c, k))).join(',')}\n`;
  return text;
};

// Output ---------------------------------------------------------------------------------------------
const out = values.out ? createWriteStream(values.out) : process.stdout;
let buffer = values.format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '';
const flush = async () => {
  if (!out.write(buffer)) await once(out, 'drain');
  buffer = '';
};
let broken = 0;
for (let n = 1; n <= PEOPLE; n++) {
  let p = person(n);
  const isBroken = BROKEN > 0 && chance(BROKEN);
  if (isBroken) {
    broken++;
    p = breakPerson(p);
  }
  if (values.format === 'csv') {
    const rows = csvRows(p);
    buffer += isBroken && chance(0.3) ? `${rows.split(',').slice(0, 5).join(',')}\n` : rows;
  } else {
    const line = JSON.stringify(p);
    buffer += isBroken && chance(0.3) ? `${line.slice(0, -3)}\n` : `${line}\n`;
  }
  if (buffer.length >= 1 << 20) await flush();
}
await flush();
if (out !== process.stdout) {
  out.end();
  await once(out, 'finish');
}
console.error(
  `generate-roster: ${PEOPLE} people (${values.jurisdiction}, ${values.format}, seed ${SEED}, ${broken} broken on purpose)`,
);
