import type { CalendarDate } from '../../case-file/calendar-date.js';
import { anyConviction } from '../facts/common-facts.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { Fact, FactLibrary } from '../rule-types.js';
import { normalizeStatute } from '../statute-normaliser.js';
import { isInStatuteSet } from '../statute-sets.js';
import type { StatuteSetId } from '../statute-types.js';
import {
  anyCovered,
  coveredConvictions,
  coveredOffenseLastDay,
  fsaAppliedAtSentencing,
  fsaCoverage,
  inUnsettledDorseyWindow,
  onlyUnmodifiedTier,
} from './fsa-coverage.js';

const bool = (describe: string, inputs: readonly string[], get: (s: PreparedSubject) => boolean | null): Fact => ({
  kind: 'bool',
  describe,
  inputs,
  get,
});
const date = (describe: string, inputs: readonly string[], get: (s: PreparedSubject) => CalendarDate | null): Fact => ({
  kind: 'date',
  describe,
  inputs,
  get,
});
/** A fact the roster format cannot hold (a medical finding, a family circumstance): always unknown. */
const notInRecord = (describe: string): Fact => bool(describe, [], () => null);

const STATUTE = 'convictions[].statute';
const LIFE_TYPES = new Set(['life', 'LWOP', 'indeterminate']);
const LIFE_TEXT = /\blife\b/i;

/** A life term: from the sentence type, else a term in months says no, else the sentence text. */
const isLifeTerm = (c: PreparedConviction): boolean | null => {
  const t = c.source.sentence_type;
  if (t != null) return LIFE_TYPES.has(t);
  if (c.termMonths !== null) return false;
  if (c.source.sentence) return LIFE_TEXT.test(c.source.sentence);
  return null;
};

/** In a statute set, or marked so on the record; a record field saying no settles an undecided set. */
const inSetOrMarked = (c: PreparedConviction, set: StatuteSetId, marked?: boolean | null): boolean | null => {
  const inSet = isInStatuteSet(c.statute, set);
  if (marked === true || inSet === true) return true;
  if (marked === false) return false;
  return inSet;
};

/** `18 U.S.C. 3559(c)` named as the sentencing statute or an enhancement. */
const is3559c = (text: string | null | undefined): boolean =>
  !!text &&
  (isInStatuteSet(normalizeStatute(text, 'US'), 'US_THREE_STRIKES_3559C') === true || /3559\s*\(\s*c\s*\)/i.test(text));

/** Facts only federal rules read. */
export const US_FACTS: FactLibrary = {
  'us.life_term': bool('Controlling federal sentence is life imprisonment', ['convictions[].sentence_type'], (s) =>
    s.controlling ? isLifeTerm(s.controlling) : null,
  ),
  'us.any_life_or_death': bool(
    'Any sentence of life imprisonment or death',
    ['convictions[].sentence_type'],
    anyConviction((c) => (c.source.sentence_type === 'death' ? true : isLifeTerm(c))),
  ),
  'us.any_death': bool(
    'Any federal death sentence',
    ['convictions[].sentence_type'],
    anyConviction((c) => (c.source.sentence_type == null ? null : c.source.sentence_type === 'death')),
  ),
  'us.sentenced_under_3559c': bool(
    'Sentenced to mandatory life under 18 U.S.C. 3559(c)',
    ['convictions[].sentenced_under'],
    (s) => {
      for (const c of s.convictions) {
        if (is3559c(c.source.sentenced_under) || (c.source.enhancements ?? []).some(is3559c)) return true;
      }
      // 3559(c) mandates life: a record without a life term, or naming another statute, says no.
      const life = s.controlling ? isLifeTerm(s.controlling) : null;
      if (life === false || s.convictions.some((c) => c.source.sentenced_under)) return false;
      return null;
    },
  ),
  'us.still_serving': bool(
    'Still serving the federal sentence (prison or supervised release)',
    ['convictions[].sentence_completed', 'person.currently_incarcerated'],
    (s) => {
      if (s.subject.person.currently_incarcerated === true) return true;
      return anyConviction((c) => (c.source.sentence_completed == null ? null : !c.source.sentence_completed))(s);
    },
  ),
  'us.serving_confinement': bool(
    'In federal confinement (a release date already passed says no)',
    ['person.currently_incarcerated', 'released_on'],
    (s) => {
      const known = s.subject.person.currently_incarcerated;
      if (known != null) return known;
      const released = s.subject.released_on ?? s.subject.custody?.release_date;
      return released != null && released <= s.asOf ? false : null;
    },
  ),
  'us.confined': bool(
    'A term of confinement was imposed (probation alone says no)',
    ['convictions[].sentence_type'],
    anyConviction((c) => (c.source.sentence_type == null ? null : c.source.sentence_type !== 'probation')),
  ),
  'us.latest_sentencing_date': date(
    'Latest sentencing date among the convictions',
    ['convictions[].sentencing_date'],
    (s) => {
      const days = s.convictions.map((c) => c.source.sentencing_date ?? null);
      if (!days.length || days.some((d) => d === null)) return null;
      return [...(days as CalendarDate[])].sort().at(-1) ?? null;
    },
  ),
  'us.expected_release_date': date(
    'Expected release date',
    ['custody.expected_release_date'],
    (s) => s.subject.custody?.expected_release_date ?? null,
  ),
  'us.supervision_end_date': date(
    'End of probation, parole or supervised release',
    ['custody.supervision_end_date'],
    (s) => s.subject.custody?.supervision_end_date ?? null,
  ),
  'us.pending_litigation': bool('A court challenge (appeal, 2255) is pending', ['pending_litigation'], (s) => {
    const list = s.subject.pending_litigation;
    if (list == null) return null;
    return list.some((l) => (l.status ?? 'pending').toLowerCase() === 'pending');
  }),

  // Compassionate release, 18 U.S.C. 3582(c)(1)(A)
  'us.bop.warden_received': date(
    'Date the warden received the request',
    ['bop_request.warden_received'],
    (s) => s.subject.bop_request?.warden_received ?? null,
  ),
  'us.bop.appeals_exhausted': date(
    'Date BOP administrative appeals were exhausted',
    ['bop_request.appeals_exhausted'],
    (s) => s.subject.bop_request?.appeals_exhausted ?? null,
  ),
  'us.bop.warden_received_known': bool(
    'The record holds the date the warden received the request',
    [],
    (s) => s.subject.bop_request?.warden_received != null,
  ),
  'us.bop.appeals_exhausted_known': bool(
    'The record holds the date BOP appeals were exhausted',
    [],
    (s) => s.subject.bop_request?.appeals_exhausted != null,
  ),
  'us.medical.terminal': bool(
    'Serious and advanced illness with an end-of-life trajectory',
    ['medical.serious_advanced_illness_end_of_life'],
    (s) => s.subject.medical?.serious_advanced_illness_end_of_life ?? null,
  ),
  'us.medical.self_care_diminished': bool(
    'A condition that substantially diminishes self-care, not expected to improve',
    ['medical.permanent_incapacity_adl', 'medical.requires_24_hour_care'],
    (s) => {
      const m = s.subject.medical;
      if (m?.permanent_incapacity_adl === true || m?.requires_24_hour_care === true) return true;
      if (m?.permanent_incapacity_adl === false && m?.requires_24_hour_care === false) return false;
      return null;
    },
  ),
  'us.medical.aging_deterioration': bool(
    'Serious deterioration in physical or mental health because of the aging process',
    ['medical.aging_related_serious_deterioration'],
    (s) => {
      const v = s.subject.medical?.aging_related_serious_deterioration;
      return typeof v === 'boolean' ? v : null;
    },
  ),
  'us.bop_no_danger_determination': notInRecord(
    'BOP Director determined the defendant is not a danger (18 U.S.C. 3142(g))',
  ),
  'us.family_abuse_or_other_reasons': notInRecord(
    'Family circumstances, abuse in custody or other reasons of similar gravity (USSG 1B1.13(b)(3)-(5))',
  ),

  // Elderly home detention, 34 U.S.C. 60541(g)
  'us.any_crime_of_violence': bool(
    'Any conviction for a crime of violence (18 U.S.C. 16)',
    [STATUTE, 'convictions[].crime_of_violence'],
    anyConviction((c) => inSetOrMarked(c, 'US_CRIME_OF_VIOLENCE_18_16', c.source.crime_of_violence)),
  ),
  'us.any_sex_offense': bool(
    'Any conviction for a sex offense (34 U.S.C. 20911(5))',
    [STATUTE, 'convictions[].sex_offense'],
    anyConviction((c) => inSetOrMarked(c, 'US_SEX_OFFENSE_20911', c.source.sex_offense)),
  ),
  'us.any_terrorism': bool(
    'Any conviction for an offense listed in 18 U.S.C. 2332b(g)(5)(B)',
    [STATUTE],
    anyConviction((c) => inSetOrMarked(c, 'US_TERRORISM_2332B')),
  ),
  'us.any_espionage': bool(
    'Any conviction under 18 U.S.C. chapter 37 (espionage)',
    [STATUTE],
    anyConviction((c) => inSetOrMarked(c, 'US_ESPIONAGE_CH37')),
  ),
  'us.prior_violent_or_sex': bool(
    'A past federal or state conviction for a crime of violence or sex offense',
    ['criminal_history.prior_violent_or_sex_convictions'],
    (s) => s.subject.criminal_history?.prior_violent_or_sex_convictions ?? null,
  ),
  'us.escape_history': bool(
    'Escaped or attempted to escape from a BOP institution',
    ['criminal_history.escape_history'],
    (s) => s.subject.criminal_history?.escape_history ?? null,
  ),

  // First Step Act sec. 404
  'us.fsa404.any_covered': bool(
    'A covered offense (FSA 2018 sec. 404(a))',
    [STATUTE, 'convictions[].drug'],
    anyCovered,
  ),
  'us.fsa404.only_unmodified_tier': bool(
    'Convicted only under 841(b)(1)(C) or 960(b)(3), which FSA 2010 did not modify',
    [STATUTE, 'convictions[].drug'],
    onlyUnmodifiedTier,
  ),
  'us.fsa404.covered_by_drug_field': bool(
    'A covered offense read from the drug field because the statute text lacks its clause',
    [],
    (s) => coveredConvictions(s).some((c) => fsaCoverage(c) === 'covered_by_drug'),
  ),
  'us.fsa404.covered_offense_last_day': date(
    'Last day of the covered offense',
    ['convictions[].offense_date'],
    coveredOffenseLastDay,
  ),
  'us.fsa404.fsa_applied_at_sentencing': bool(
    'Sentence imposed in accordance with FSA 2010 secs. 2-3',
    ['convictions[].fsa_2010_applied_at_sentencing', 'convictions[].sentencing_date'],
    fsaAppliedAtSentencing,
  ),
  'us.fsa404.unsettled_dorsey_window': bool(
    'Offense before 2010-08-03, sentenced on or after, record silent on FSA 2010',
    [],
    inUnsettledDorseyWindow,
  ),
  'us.fsa404.prior_motion_known': bool(
    'The record holds a previous sec. 404 motion',
    [],
    (s) => s.subject.prior_404_motion != null,
  ),
  'us.fsa404.prior_motion_granted': bool('A previous sec. 404 motion was granted', ['prior_404_motion'], (s) =>
    s.subject.prior_404_motion ? s.subject.prior_404_motion.outcome === 'granted' : null,
  ),
  'us.fsa404.prior_motion_denied_on_merits': bool(
    'A previous sec. 404 motion was denied after a complete review on the merits',
    ['prior_404_motion'],
    (s) => (s.subject.prior_404_motion ? s.subject.prior_404_motion.outcome === 'denied_on_merits' : null),
  ),
};
