import { addYears } from '../../case-file/calendar-date.js';
import { anyConviction } from '../facts/common-facts.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { FactLibrary } from '../rule-types.js';
import { ageOn, and3, bool, date, earliestDate, isSection, num, or3 } from './fact-helpers.js';

/** Facts about the person, the sentence and custody that California rules read. */
const DOB_AND_OFFENSE = ['person.dob', 'convictions[].offense_date'] as const;
const LIFE_TYPES: readonly string[] = ['life', 'indeterminate', 'LWOP', 'death'];
const PRISON_TYPES: readonly string[] = [...LIFE_TYPES, 'determinate', 'term'];

/**
 * PC 3051(h), as we read it: an additional crime committed after turning 26 for which malice
 * aforethought is an element (murder, attempted murder, PC 4500) or for which a life term was imposed.
 */
const isMaliceOrLife = (c: PreparedConviction): boolean | null => {
  const malice = c.statute.recognised ? isSection(c.statute, 'PC', '187') || isSection(c.statute, 'PC', '4500') : null;
  const type = c.source.sentence_type;
  return or3(malice, type == null ? null : LIFE_TYPES.includes(type));
};

const post26MaliceOrLifeCrime = (s: PreparedSubject): boolean | null => {
  const dob = s.subject.person.dob;
  if (!dob) return null;
  const turned26 = addYears(dob, 26);
  let unknown = false;
  for (const c of s.convictions) {
    if (c === s.controlling) continue;
    const qualifies = isMaliceOrLife(c);
    if (qualifies === false) continue;
    if (!c.offenseFirstDay) unknown = true;
    else if (c.offenseFirstDay >= turned26) {
      if (qualifies) return true;
      unknown = true;
    }
  }
  return unknown ? null : false;
};

const sentenceYears = (s: PreparedSubject): number | null => {
  const c = s.controlling;
  if (!c?.source.sentence_type) return null;
  switch (c.source.sentence_type) {
    case 'death':
    case 'LWOP':
    case 'life':
    case 'indeterminate':
      // A life term's maximum is life: it is a sentence of 20 years or more whatever its minimum.
      return 999;
    default:
      return c.termMonths === null ? null : c.termMonths / 12;
  }
};

const servingSentence = (s: PreparedSubject): boolean | null => {
  if (s.subject.person.currently_incarcerated === true) return true;
  return anyConviction((c) => (c.source.sentence_completed == null ? null : !c.source.sentence_completed))(s);
};

const isFelony = (c: PreparedConviction): boolean | null =>
  c.source.felony ?? (c.source.sentence_type && PRISON_TYPES.includes(c.source.sentence_type) ? true : null);

/** Two felony convictions: a felony now and a prior felony (or strike) in the record. */
const twiceConvictedFelony = (s: PreparedSubject): boolean | null => {
  const priors = s.subject.prior_felony_convictions;
  const strikes = s.subject.prior_strikes;
  const prior = or3(priors == null ? null : priors.length > 0, strikes == null ? null : strikes > 0);
  return and3(anyConviction(isFelony)(s), prior);
};

const medical =
  (key: 'serious_advanced_illness_end_of_life' | 'permanent_incapacity_adl' | 'requires_24_hour_care') =>
  (s: PreparedSubject) =>
    s.subject.medical?.[key] ?? null;

export const SENTENCE_FACTS: FactLibrary = {
  'any.death': bool(
    'Any sentence of death',
    ['convictions[].sentence_type'],
    anyConviction((c) => (c.source.sentence_type == null ? null : c.source.sentence_type === 'death')),
  ),
  'controlling.age_at_offense_last_day': num(
    'Age in whole years on the last day of the controlling offence',
    DOB_AND_OFFENSE,
    (s) => ageOn(s, s.controlling?.offenseLastDay),
  ),
  'controlling.age_at_offense_first_day': num(
    'Age in whole years on the first day of the controlling offence',
    DOB_AND_OFFENSE,
    (s) => ageOn(s, s.controlling?.offenseFirstDay),
  ),
  'post26.malice_or_life_crime': bool(
    'After turning 26, committed another crime with malice aforethought as an element, or sentenced to life for it',
    ['person.dob', 'convictions[].offense_date', 'convictions[].sentence_type'],
    post26MaliceOrLifeCrime,
  ),
  'controlling.sentencing_date': date(
    'Date the controlling sentence was imposed (the date of commitment)',
    ['convictions[].sentencing_date'],
    (s) => s.controlling?.source.sentencing_date ?? null,
  ),
  'controlling.sentence_years': num(
    'Controlling sentence imposed in years (999 for a life term, LWOP or death)',
    ['convictions[].sentence_type', 'convictions[].term_months', 'convictions[].sentence'],
    sentenceYears,
  ),
  serving_sentence: bool(
    'Currently serving a California sentence',
    ['person.currently_incarcerated', 'convictions[].sentence_completed'],
    servingSentence,
  ),
  twice_convicted_felony: bool(
    'Convicted of a felony twice (a current felony and a prior felony or strike)',
    ['prior_felony_convictions', 'prior_strikes', 'convictions[].felony'],
    twiceConvictedFelony,
  ),
  'referral.present': bool('A recommendation for recall and resentencing is recorded', ['referral'], (s) =>
    s.subject.referral ? true : null,
  ),
  'medical.end_of_life': bool(
    'Serious and advanced illness with an end-of-life trajectory',
    ['medical.serious_advanced_illness_end_of_life'],
    medical('serious_advanced_illness_end_of_life'),
  ),
  'medical.permanent_incapacity': bool(
    'Permanently medically incapacitated: unable to complete basic activities of daily living',
    ['medical.permanent_incapacity_adl'],
    medical('permanent_incapacity_adl'),
  ),
  'medical.requires_24_hour_care': bool(
    'Requires 24-hour care',
    ['medical.requires_24_hour_care'],
    medical('requires_24_hour_care'),
  ),
  'medical.incapacity_at_sentencing': bool(
    'The incapacity existed when the original sentence was imposed',
    ['medical.incapacity_existed_at_sentencing'],
    (s) => s.subject.medical?.incapacity_existed_at_sentencing ?? null,
  ),
};

/** Enhancement families whose law changed, for PC 1172.1 changed-law recall and PC 1172.75. */
export const enhancementFacts = (
  key: string,
  describe: string,
  matches: (c: PreparedConviction) => boolean | null,
): FactLibrary => {
  const carrying = (s: PreparedSubject) => s.convictions.filter((c) => matches(c) === true);
  return {
    [key]: bool(
      `An enhancement imposed: ${describe}`,
      ['convictions[].enhancements'],
      anyConviction((c) => (c.source.enhancements == null ? null : matches(c))),
    ),
    [`${key}.sentenced_on`]: date(
      `Earliest sentencing date of a conviction carrying: ${describe}`,
      ['convictions[].sentencing_date'],
      (s) => earliestDate(carrying(s), (c) => c.source.sentencing_date),
    ),
  };
};
