import type { z } from 'zod';
import { addDays, type CalendarDate } from '../case-file/calendar-date.js';
import type { PersonStatus } from '../case-file/matters.js';
import {
  type CurrentSentence,
  deriveCurrentSentence,
  describeTerm,
  type SentenceEvent,
  type SentenceTerm,
} from '../case-file/sentence.js';
import type { MissingFactBody, PersonScreeningFacts } from '../schemas/screening.schemas.js';
import { type PathwayId, pathwaysOf, type ScreeningJurisdiction } from './pathways.js';
import type { PathwayResult } from './rule-types.js';
import { type ScreenOptions, screenSubject } from './screen-subject.js';
import { type ScreeningConviction, type ScreeningSentenceType, ScreeningSubject } from './screening-subject.js';

/**
 * The case file as screening reads it: a person in the case file becomes the roster record of
 * screening-format.md, so one person is screened by the same engine as a roster of a million. Pure:
 * the caller loads the rows; nothing here knows SQL or HTTP.
 */
export type CaseFileCount = {
  statute: string;
  degree: 'first' | 'second' | 'third' | null;
  isAttempt: boolean;
};

export type CaseFileConviction = {
  id: string;
  jurisdiction: 'CA' | 'US' | 'other';
  offenseStart: CalendarDate | null;
  offenseEnd: CalendarDate | null;
  convictionDate: CalendarDate | null;
  disposition: 'plea' | 'jury' | 'bench' | null;
  enhancements: readonly string[];
  specialCircumstances: readonly string[];
  counts: readonly CaseFileCount[];
  /** The sentence's history as entered; the current sentence is derived from it. */
  sentenceEvents: readonly SentenceEvent[];
};

export type CaseFilePlacement = { fromDate: CalendarDate; toDate: CalendarDate | null };

export type CaseFileForScreening = {
  person: { id: string; legalName: string; dateOfBirth: CalendarDate | null; status: PersonStatus };
  convictions: readonly CaseFileConviction[];
  placements: readonly CaseFilePlacement[];
  facts: PersonScreeningFacts | null;
};

export type MissingFact = z.infer<typeof MissingFactBody>;

export type CaseFileSubject = {
  subject: ScreeningSubject | null;
  /** Why the person cannot be screened (no conviction recorded...), when that is so. */
  unavailableReason: string | null;
  /** Gaps in the record noticed while reading it (no date of birth, a conviction without counts). */
  missingFacts: MissingFact[];
  warnings: string[];
};

const SENTENCE_TYPE_OF: Record<SentenceTerm['type'], ScreeningSentenceType> = {
  death: 'death',
  lwop: 'LWOP',
  life: 'life',
  indeterminate: 'indeterminate',
  determinate: 'determinate',
  probation: 'probation',
  county_jail: 'county_jail',
};

/** What the current sentence says for screening: type, term and whether it is over. */
const sentenceFieldsOf = (
  current: CurrentSentence | null,
  events: readonly SentenceEvent[],
): Partial<ScreeningConviction> => {
  const imposed = events.find((e) => e.kind === 'imposed');
  const fields: Partial<ScreeningConviction> = { sentencing_date: imposed?.date ?? null };
  // No sentence yet, or a sentence vacated and not yet re-imposed: the record does not say.
  if (!current || current.status === 'vacated') return fields;
  const term = current.term;
  fields.sentence_type = SENTENCE_TYPE_OF[term.type];
  fields.sentence = describeTerm(term);
  if (term.type === 'indeterminate') fields.min_term_years = term.minYears;
  if (term.type === 'determinate' || term.type === 'probation' || term.type === 'county_jail') {
    fields.term_months = term.months;
  }
  if (current.status === 'discharged' || current.status === 'pardoned') fields.sentence_completed = true;
  else if (current.status === 'active' || current.status === 'stayed' || current.status === 'paroled')
    fields.sentence_completed = false;
  return fields;
};

const RELEASED: ReadonlySet<CurrentSentence['status']> = new Set(['released', 'paroled', 'discharged', 'pardoned']);

/** The earliest placement of the latest unbroken run of placements (a transfer on the same or next day). */
export const currentCustodyStretch = (
  placements: readonly CaseFilePlacement[],
): { start: CalendarDate; stretches: number } | null => {
  const sorted = [...placements].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0));
  if (sorted.length === 0) return null;
  const first = sorted[0] as CaseFilePlacement;
  let start = first.fromDate;
  let reach: CalendarDate | null = first.toDate;
  let stretches = 1;
  for (const p of sorted.slice(1)) {
    // An open placement (no end date) reaches to today: whatever follows joins it.
    if (reach === null || p.fromDate <= addDays(reach, 1)) {
      reach = reach === null || p.toDate === null ? null : p.toDate > reach ? p.toDate : reach;
      continue;
    }
    start = p.fromDate;
    stretches += 1;
    reach = p.toDate;
  }
  return { start, stretches };
};

const jurisdictionOf = (input: CaseFileForScreening): ScreeningJurisdiction | null => {
  if (input.facts?.jurisdiction) return input.facts.jurisdiction;
  const screenable = input.convictions.filter((c) => c.jurisdiction === 'CA' || c.jurisdiction === 'US');
  if (screenable.length === 0) return null;
  // Both: the law of the sentence the person is serving now, else of the latest conviction.
  const active = screenable.filter((c) => {
    const s = deriveCurrentSentence(c.sentenceEvents, { convictionDate: c.convictionDate }).current;
    return s !== null && (s.status === 'active' || s.status === 'stayed');
  });
  const pool = active.length > 0 ? active : screenable;
  const latest = [...pool].sort((a, b) => ((a.convictionDate ?? '') < (b.convictionDate ?? '') ? 1 : -1))[0];
  return (latest?.jurisdiction as ScreeningJurisdiction | undefined) ?? null;
};

const hasWord = (statute: string, pattern: RegExp) => pattern.test(statute.toUpperCase());

/** A count as the roster writes it: an attempt recorded as a flag is said in the statute text too. */
const statuteOf = (count: CaseFileCount): string =>
  count.isAttempt && !hasWord(count.statute, /664|ATT/) ? `${count.statute} attempt` : count.statute;

/** Reads a person of the case file as a screening subject. */
export const subjectFromCaseFile = (input: CaseFileForScreening): CaseFileSubject => {
  const { person, facts } = input;
  const missingFacts: MissingFact[] = [];
  const warnings: string[] = [];
  const unavailable = (reason: string, missing: MissingFact[] = []): CaseFileSubject => ({
    subject: null,
    unavailableReason: reason,
    missingFacts: missing,
    warnings,
  });
  if (person.status === 'deceased') return unavailable('Not screened: the person is recorded as deceased');
  if (input.convictions.length === 0) {
    return unavailable('No conviction is recorded: add the convictions to screen this person', [
      { field: 'convictions', label: 'Convictions', where: 'convictions', pathways: [] },
    ]);
  }
  const jurisdiction = jurisdictionOf(input);
  if (!jurisdiction) {
    return unavailable(
      'No California or federal conviction is recorded: screening covers California and federal relief',
      [{ field: 'jurisdiction', label: 'Which law screens this person', where: 'screening_facts', pathways: [] }],
    );
  }
  const all = pathwaysOf(jurisdiction);

  const convictions: ScreeningConviction[] = [];
  let releasedOn: CalendarDate | null = null;
  for (const c of input.convictions) {
    // The screening facts may name the law when the convictions' jurisdiction is wrong or 'other'.
    if (!facts?.jurisdiction && c.jurisdiction !== jurisdiction) continue;
    const derived = deriveCurrentSentence(c.sentenceEvents, { convictionDate: c.convictionDate });
    if (derived.issues.length > 0) {
      warnings.push(
        `Sentence history of conviction ${c.id} has events that do not fit; they were left out: ${derived.issues
          .map((i) => i.message)
          .join('; ')}`,
      );
    }
    const current = derived.current;
    if (current && RELEASED.has(current.status) && (releasedOn === null || current.since > releasedOn)) {
      releasedOn = current.since;
    }
    const sentence = sentenceFieldsOf(current, c.sentenceEvents);
    const extra = facts?.convictions?.[c.id] ?? {};
    const offense =
      c.offenseEnd && c.offenseStart && c.offenseEnd !== c.offenseStart
        ? { offense_start: c.offenseStart, offense_end: c.offenseEnd }
        : { offense_date: c.offenseStart ?? c.offenseEnd };
    const counts: readonly CaseFileCount[] =
      c.counts.length > 0 ? c.counts : [{ statute: 'Unknown', degree: null, isAttempt: false }];
    if (c.counts.length === 0) {
      missingFacts.push({
        field: 'convictions[].statute',
        label: 'Statute of each count',
        where: 'convictions',
        pathways: [...all],
      });
    }
    for (const count of counts) {
      convictions.push({
        statute: statuteOf(count),
        degree: count.degree === 'first' || count.degree === 'second' ? count.degree : null,
        ...offense,
        conviction_date: c.convictionDate,
        disposition: c.disposition,
        enhancements: [...c.enhancements],
        special_circumstances: [...c.specialCircumstances],
        ...sentence,
        ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null)),
      });
    }
  }

  const stretch = currentCustodyStretch(input.placements);
  const custodyStart = facts?.custody_start ?? stretch?.start ?? null;
  const continuous = facts?.custody_continuous ?? (stretch && stretch.stretches === 1 ? true : null);
  if (!person.dateOfBirth) {
    missingFacts.push({ field: 'person.dob', label: 'Date of birth', where: 'person', pathways: [...all] });
  }

  const raw: ScreeningSubject = {
    id: person.id,
    jurisdiction,
    person: {
      dob: person.dateOfBirth,
      currently_incarcerated: person.status === 'in_custody',
      name: person.legalName,
    },
    custody: {
      custody_start: custodyStart,
      continuous,
      expected_release_date: facts?.expected_release_date ?? null,
      release_date: person.status === 'in_custody' ? null : releasedOn,
    },
    convictions,
    sentencing_schemes: facts?.sentencing_schemes ?? null,
    prior_strikes: facts?.prior_strikes ?? null,
    prior_super_strikes: facts?.prior_super_strikes ?? null,
    prior_felony_convictions: facts?.prior_felony_convictions ?? null,
    pc290_registrant: facts?.pc290_registrant ?? null,
    criminal_history: facts?.criminal_history ?? null,
    medical: facts?.medical ?? null,
    bop_request: facts?.bop_request ?? null,
    prior_404_motion: facts?.prior_404_motion ?? null,
    pending_litigation: facts?.pending_litigation ?? null,
    charging_document_allowed_imputed_malice: facts?.charging_document_allowed_imputed_malice ?? null,
    referral: facts?.referral ?? null,
    released_on: person.status === 'in_custody' ? null : releasedOn,
  };
  if (convictions.length === 0) {
    return unavailable(
      `No ${jurisdiction === 'CA' ? 'California' : 'federal'} conviction is recorded for the screening jurisdiction`,
      [{ field: 'convictions', label: 'Convictions', where: 'convictions', pathways: [] }],
    );
  }
  const parsed = ScreeningSubject.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return unavailable(`The record cannot be read for screening (${issues})`);
  }
  return { subject: parsed.data, unavailableReason: null, missingFacts, warnings };
};

// ---- Where a missing fact is filled in ----

const LABELS: Readonly<Record<string, string>> = {
  'person.dob': 'Date of birth',
  'person.currently_incarcerated': 'Whether the person is in custody',
  'custody.custody_start': 'Start of continuous custody',
  'custody.continuous': 'Whether custody has been continuous',
  'custody.expected_release_date': 'Expected release date',
  'custody.release_date': 'Release date',
  released_on: 'Date of release',
  'convictions[].statute': 'Statute of each count',
  'convictions[].degree': 'Degree of the offence',
  'convictions[].offense_date': 'Date of the offence',
  'convictions[].offense_start': 'First day of the offence',
  'convictions[].offense_end': 'Last day of the offence',
  'convictions[].conviction_date': 'Conviction date',
  'convictions[].sentencing_date': 'Sentencing date',
  'convictions[].disposition': 'Plea or trial',
  'convictions[].sentence_type': 'Sentence imposed',
  'convictions[].sentence': 'Sentence imposed',
  'convictions[].term_months': 'Term imposed',
  'convictions[].min_term_years': 'Minimum term of the life sentence',
  'convictions[].enhancements': 'Enhancements',
  'convictions[].special_circumstances': 'Special circumstances',
  'convictions[].theory_of_liability': 'Theory of liability',
  'convictions[].findings': 'Findings of the jury or court',
  'convictions[].felony': 'Whether the offence is a felony',
  'convictions[].sex_offense': 'Whether the offence is a sex offence',
  'convictions[].crime_of_violence': 'Whether the offence is a crime of violence',
  'convictions[].drug': 'Drug involved',
  'convictions[].sentenced_under': 'Sentencing statute',
  'convictions[].fsa_2010_applied_at_sentencing': 'Whether the Fair Sentencing Act applied at sentencing',
  'convictions[].sentence_completed': 'Whether the sentence is completed',
  'convictions[].victim.peace_officer': 'Whether the victim was a peace officer',
  'convictions[].victim.defendant_knew': 'Whether the defendant knew the victim',
  'convictions[].controlling': 'Which conviction controls',
  sentencing_schemes: 'Sentencing schemes (Three Strikes, One Strike)',
  prior_strikes: 'Prior strikes',
  prior_super_strikes: 'Prior super strikes',
  prior_felony_convictions: 'Prior felony convictions',
  pc290_registrant: 'Sex offender registration (PC 290)',
  charging_document_allowed_imputed_malice: 'Whether the charging document allowed imputed malice',
  prior_404_motion: 'Earlier First Step Act (section 404) motion',
  pending_litigation: 'Pending litigation',
  referral: 'Referral for recall and resentencing',
};

const CASE_FILE_FIELDS: Readonly<Record<string, MissingFact['where']>> = {
  'person.dob': 'person',
  'person.currently_incarcerated': 'person',
  'custody.custody_start': 'placements',
  'custody.release_date': 'sentence_events',
  released_on: 'sentence_events',
  'convictions[].statute': 'convictions',
  'convictions[].degree': 'convictions',
  'convictions[].offense_date': 'convictions',
  'convictions[].offense_start': 'convictions',
  'convictions[].offense_end': 'convictions',
  'convictions[].conviction_date': 'convictions',
  'convictions[].disposition': 'convictions',
  'convictions[].enhancements': 'convictions',
  'convictions[].special_circumstances': 'convictions',
  'convictions[].sentencing_date': 'sentence_events',
  'convictions[].sentence_type': 'sentence_events',
  'convictions[].sentence': 'sentence_events',
  'convictions[].min_term_years': 'sentence_events',
};

const humanise = (field: string) => {
  const last = field.replace(/\[\]/g, '').split('.').at(-1) ?? field;
  const words = last.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Where a user fills in an input field: a part of the case file, or else the screening facts form. */
export const whereToFill = (field: string): MissingFact['where'] => CASE_FILE_FIELDS[field] ?? 'screening_facts';

/**
 * The facts that would change or settle the results, once each, with the pathways they matter to and
 * where to fill them in; the record's own gaps (`extra`) come first.
 */
export const describeMissingFacts = (
  results: readonly PathwayResult[],
  extra: readonly MissingFact[] = [],
): MissingFact[] => {
  const byField = new Map<string, MissingFact>();
  for (const m of extra) byField.set(m.field, { ...m, pathways: [...m.pathways] });
  for (const r of results) {
    for (const field of r.missing_facts) {
      const known = byField.get(field);
      if (known) {
        if (!known.pathways.includes(r.pathway)) known.pathways.push(r.pathway);
        continue;
      }
      byField.set(field, {
        field,
        label: LABELS[field] ?? humanise(field),
        where: whereToFill(field),
        pathways: [r.pathway as PathwayId],
      });
    }
  }
  return [...byField.values()];
};

export type CaseFileScreening = {
  jurisdiction: ScreeningJurisdiction | null;
  unavailableReason: string | null;
  results: PathwayResult[];
  missingFacts: MissingFact[];
  warnings: string[];
};

/** Screens a person of the case file: the subject read from the record, every pathway of its law, explained. */
export const screenCaseFile = (input: CaseFileForScreening, options: ScreenOptions): CaseFileScreening => {
  const read = subjectFromCaseFile(input);
  if (!read.subject) {
    return {
      jurisdiction: null,
      unavailableReason: read.unavailableReason,
      results: [],
      missingFacts: read.missingFacts,
      warnings: read.warnings,
    };
  }
  const outcome = screenSubject(read.subject, options);
  return {
    jurisdiction: read.subject.jurisdiction,
    unavailableReason: null,
    results: outcome.results,
    missingFacts: describeMissingFacts(outcome.results, read.missingFacts),
    warnings: [...read.warnings, ...(outcome.warnings ?? [])],
  };
};

/**
 * The screening facts a roster record carries that the case file keeps as screening facts (a person
 * opened from a screening run): the rest (name, date of birth, convictions) goes to the record itself.
 */
export const screeningFactsFromSubject = (subject: ScreeningSubject): PersonScreeningFacts => {
  const facts: PersonScreeningFacts = { jurisdiction: subject.jurisdiction };
  const custody = subject.custody;
  if (custody?.custody_start) facts.custody_start = custody.custody_start;
  if (custody?.continuous != null) facts.custody_continuous = custody.continuous;
  if (custody?.expected_release_date) facts.expected_release_date = custody.expected_release_date;
  const copy = <K extends keyof PersonScreeningFacts & keyof ScreeningSubject>(key: K) => {
    const value = subject[key];
    if (value !== undefined && value !== null) (facts as Record<string, unknown>)[key] = value;
  };
  copy('sentencing_schemes');
  copy('prior_strikes');
  copy('prior_super_strikes');
  copy('prior_felony_convictions');
  copy('pc290_registrant');
  copy('criminal_history');
  copy('medical');
  copy('bop_request');
  copy('prior_404_motion');
  copy('pending_litigation');
  copy('charging_document_allowed_imputed_malice');
  copy('referral');
  return facts;
};
