import type { CalendarDate } from '../../case-file/calendar-date.js';
import type { PreparedSubject } from '../prepared-subject.js';
import type { Fact, FactLibrary, PolicyOverlay, Rule } from '../rule-types.js';
import { anyCovered } from './fsa-coverage.js';

const SOURCE = 'DOJ Clemency Initiative, announced 2014-04-23 (Deputy Attorney General Cole)';

const bool = (describe: string, inputs: readonly string[], get: (s: PreparedSubject) => boolean | null): Fact => ({
  kind: 'bool',
  describe,
  inputs,
  get,
});

/** Facts only the 2014 Clemency Initiative overlay reads. */
export const CLEMENCY_INITIATIVE_FACTS: FactLibrary = {
  // A covered crack offense would likely be sentenced lower today; anything else needs a lawyer.
  'us.ci.likely_lower_today': bool('Would likely receive a substantially lower sentence today', [], (s) =>
    anyCovered(s) === true ? true : null,
  ),
  'us.ci.low_level_no_org_ties': bool(
    'Low-level offender without significant ties to large criminal organisations',
    [],
    () => null,
  ),
  'us.ci.no_significant_history': bool(
    'No significant criminal history',
    ['prior_felony_convictions', 'criminal_history.prior_violent_or_sex_convictions'],
    (s) => {
      if (s.subject.criminal_history?.prior_violent_or_sex_convictions === true) return false;
      const priors = s.subject.prior_felony_convictions;
      return priors != null && priors.length === 0 ? true : null;
    },
  ),
  'us.ci.good_conduct': bool('Demonstrated good conduct in prison', [], () => null),
};

const criterion = (id: string, rule: Omit<Rule, 'id' | 'role' | 'legal_status' | 'certainty' | 'citations'>): Rule => ({
  id,
  role: 'requires',
  citations: [SOURCE],
  legal_status: 'expired',
  certainty: 'secondary',
  ...rule,
});

const TEN_YEARS: { add: { fact: string }; years: number } = { add: { fact: 'custody_start' }, years: 10 };
const ENDED: CalendarDate = '2017-01-19';

/**
 * The 2014 Clemency Initiative's six criteria (historical: the initiative ended with the
 * administration on 2017-01-19). A policy overlay: it says whether the person would have met the
 * criteria and never changes the commutation result. Criteria 2 and 5 turn on facts no roster holds,
 * so `matches` is at best null (unknown), and false when a criterion fails.
 */
export const CLEMENCY_INITIATIVE_2014: PolicyOverlay = {
  id: 'US_CLEMENCY_INITIATIVE_2014',
  title: `2014 Clemency Initiative criteria (historical, ended ${ENDED})`,
  pathway: 'US_CLEMENCY_COMMUTATION',
  source: SOURCE,
  rules: [
    criterion('CI-1', {
      when: { fact: 'us.ci.likely_lower_today' },
      says: {
        holds: 'Would likely receive a substantially lower sentence today (a covered crack offense)',
        unknown: 'Whether the sentence would be substantially lower today needs a lawyer',
      },
    }),
    criterion('CI-2', {
      when: { all: [{ not: { fact: 'us.any_crime_of_violence' } }, { fact: 'us.ci.low_level_no_org_ties' }] },
      says: {
        holds: 'Non-violent, low-level offender without ties to large criminal organisations',
        fails: 'A conviction for a crime of violence',
        unknown: 'Whether a non-violent, low-level offender without organisation ties needs the record',
      },
    }),
    criterion('CI-3', {
      from: TEN_YEARS,
      says: { holds: '10 years served {date}', pending: '10 years served on {date}', unknown: 'Custody start unknown' },
    }),
    criterion('CI-4', {
      when: { fact: 'us.ci.no_significant_history' },
      says: {
        holds: 'No significant criminal history',
        fails: 'Past violent or sex-offense convictions',
        unknown: 'Whether the criminal history is significant needs the record',
      },
    }),
    criterion('CI-5', {
      when: { fact: 'us.ci.good_conduct' },
      says: { holds: 'Good conduct in prison', unknown: 'Conduct in prison is not in the record' },
    }),
    criterion('CI-6', {
      when: { all: [{ not: { fact: 'us.any_crime_of_violence' } }, { not: { fact: 'us.prior_violent_or_sex' } }] },
      says: {
        holds: 'No history of violence',
        fails: 'A history of violence (a crime of violence, or past violent or sex-offense convictions)',
        unknown: 'History of violence unknown',
      },
    }),
  ],
};
