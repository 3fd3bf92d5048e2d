import type { CalendarDate } from '../../case-file/calendar-date.js';
import type { PathwayDefinition, Rule } from '../rule-types.js';

/**
 * Youth offender parole, Penal Code 3051: a hearing during the 15th, 20th or 25th year of incarceration
 * (custody_start + 14, 19 or 24 years, 15 CCR 2443), by the controlling term, for a controlling offence
 * committed at 25 or younger.
 *
 * Which day of the offence counts: a continuing offence is "committed" on its last day (the
 * screening-format convention for "committed before D"), so the age test reads the last day: someone
 * whose offence ended before the 26th birthday passes. If the offence began before that birthday and
 * ended on or after it, the result is `needs_record_review` rather than a silent yes or no: which acts
 * the conviction rests on is for a lawyer to read. The same applies at 18 for the LWOP rules.
 */
const CTRL_LAST = 'controlling.age_at_offense_last_day';
const CTRL_FIRST = 'controlling.age_at_offense_first_day';
const AGE_UNKNOWN = 'Age at the controlling offence unknown (date of birth or offence date missing)';

const base = { legal_status: 'in_force', certainty: 'verified' } as const;

/** The age rule of one version of the statute: under `limit` at the controlling offence. */
const ageRules = (limit: number, citation: string, from: CalendarDate, to?: CalendarDate): Rule[] => {
  const version = { effective_from: from, ...(to ? { effective_to: to } : {}) };
  return [
    {
      ...base,
      ...version,
      id: 'YO-AGE',
      role: 'requires',
      when: {
        any: [
          { number: CTRL_LAST, below: limit },
          { number: CTRL_FIRST, below: limit },
        ],
      },
      says: {
        holds: `Controlling offence committed before age ${limit}`,
        fails: `Controlling offence committed at age ${limit} or older`,
        unknown: AGE_UNKNOWN,
      },
      citations: [citation],
      certainty: to ? 'memory' : 'verified',
    },
    {
      ...base,
      ...version,
      id: 'YO-AGE-SPAN',
      role: 'review_if',
      when: {
        all: [
          { number: CTRL_FIRST, below: limit },
          { number: CTRL_LAST, at_least: limit },
        ],
      },
      says: { holds: `The controlling offence began before age ${limit} and ended after it: read the record` },
      citations: [citation],
    },
  ];
};

const tier = (id: string, years: number, nth: string, appliesIf: Rule['applies_if'], citation: string): Rule => ({
  ...base,
  id,
  role: 'requires',
  applies_if: appliesIf,
  from: { add: { fact: 'custody_start' }, years },
  says: {
    holds: `Youth parole eligible date (${nth} year of incarceration) reached {date}`,
    pending: `Youth parole eligible date (${nth} year of incarceration) on {date}`,
    unknown: 'Controlling term or custody start unknown',
  },
  citations: [citation, '15 CCR 2443'],
});

export const YOUTH_OFFENDER_PAROLE_3051: PathwayDefinition = {
  id: 'CA_YOUTH_OFFENDER_PAROLE_3051',
  jurisdiction: 'CA',
  title: 'Youth offender parole (PC 3051)',
  matter_type: 'parole_hearing',
  kind: 'statutory',
  authority: { citations: ['PC 3051'], effective_from: '2014-01-01', legal_status: 'in_force' },
  rules: [
    ...ageRules(18, 'PC 3051(a)(1) (SB 260, Stats. 2013, ch. 312)', '2014-01-01', '2015-12-31'),
    ...ageRules(23, 'PC 3051(a)(1) (SB 261, Stats. 2015, ch. 471)', '2016-01-01', '2017-12-31'),
    ...ageRules(26, 'PC 3051(a)(1) (AB 1308, Stats. 2017, ch. 675)', '2018-01-01'),
    {
      ...base,
      id: 'YO-TERM',
      role: 'requires',
      when: {
        any: [{ fact: 'controlling.determinate' }, { fact: 'controlling.life_term' }, { fact: 'controlling.lwop' }],
      },
      says: {
        holds: 'Controlling term is a prison term with a 3051 tier',
        fails: 'Controlling sentence has no PC 3051 tier (not a prison term)',
        unknown: 'Controlling sentence type unknown',
      },
      citations: ['PC 3051(b)'],
    },
    tier('YO-T15', 14, '15th', { fact: 'controlling.determinate' }, 'PC 3051(b)(1)'),
    tier(
      'YO-T20',
      19,
      '20th',
      { all: [{ fact: 'controlling.life_term' }, { number: 'controlling.min_term_years', below: 25 }] },
      'PC 3051(b)(2)',
    ),
    tier(
      'YO-T25',
      24,
      '25th',
      { all: [{ fact: 'controlling.life_term' }, { number: 'controlling.min_term_years', at_least: 25 }] },
      'PC 3051(b)(3)',
    ),
    {
      ...tier(
        'YO-T25J',
        24,
        '25th',
        { all: [{ fact: 'controlling.lwop' }, { number: CTRL_LAST, below: 18 }] },
        'PC 3051(b)(4) (SB 394, Stats. 2017, ch. 684)',
      ),
      effective_from: '2018-01-01',
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'YO-LWOP-SPAN',
      role: 'review_if',
      when: {
        all: [{ fact: 'controlling.lwop' }, { number: CTRL_FIRST, below: 18 }, { number: CTRL_LAST, at_least: 18 }],
      },
      says: { holds: 'The LWOP offence began before age 18 and ended after it: read the record' },
      citations: ['PC 3051(b)(4)', 'PC 3051(h)'],
      effective_from: '2018-01-01',
    },
    {
      ...base,
      id: 'YO-X-3S',
      role: 'excludes',
      when: { fact: 'scheme.three_strikes' },
      says: {
        holds: 'Excluded: sentenced under Three Strikes (PC 667(b)-(i), 1170.12)',
        unknown: 'Whether sentenced under Three Strikes is unknown',
      },
      citations: ['PC 3051(h)'],
    },
    {
      ...base,
      id: 'YO-X-1S',
      role: 'excludes',
      when: { fact: 'scheme.one_strike' },
      says: {
        holds: 'Excluded: sentenced under One Strike (PC 667.61)',
        unknown: 'Whether sentenced under One Strike is unknown',
      },
      citations: ['PC 3051(h)', 'People v. Williams (2024) 17 Cal.5th 99'],
    },
    {
      ...base,
      id: 'YO-X-LWOP',
      role: 'excludes',
      when: { fact: 'controlling.lwop' },
      says: { holds: 'Excluded: sentenced to life without parole', unknown: 'Controlling sentence type unknown' },
      citations: ['PC 3051(h) (SB 260, Stats. 2013, ch. 312)'],
      effective_from: '2014-01-01',
      effective_to: '2017-12-31',
      certainty: 'memory',
    },
    {
      ...base,
      id: 'YO-X-LWOP18',
      role: 'excludes',
      when: { all: [{ fact: 'controlling.lwop' }, { number: CTRL_FIRST, at_least: 18 }] },
      says: {
        holds: 'Excluded: life without parole for a controlling offence committed at 18 or older',
        unknown: AGE_UNKNOWN,
      },
      citations: ['PC 3051(h)', 'People v. Hardin (2024) 15 Cal.5th 834'],
      effective_from: '2018-01-01',
    },
    {
      ...base,
      id: 'YO-X-DEATH',
      role: 'excludes',
      when: { fact: 'any.death' },
      says: { holds: 'Excluded: sentenced to death', unknown: 'Sentence type unknown' },
      citations: ['PC 3051(h)', 'CDCR BPH youth offender hearings overview'],
    },
    {
      ...base,
      id: 'YO-X-POST26',
      role: 'review_if',
      when: { fact: 'post26.malice_or_life_crime' },
      says: {
        holds:
          'Another crime committed after age 26 has malice aforethought as an element or carries a life term: PC 3051(h) may exclude (statutory wording unverified, read the record)',
        unknown: 'Whether another malice or life-term crime was committed after age 26 is unknown',
      },
      citations: ['PC 3051(h)'],
      effective_from: '2018-01-01',
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'YO-INT',
      role: 'flag',
      when: { fact: 'custody_continuous', is: false },
      says: {
        holds:
          'Custody was interrupted: the date counts from the current custody start; earlier creditable periods may bring it forward (15 CCR 2443 counts actual years)',
      },
      citations: ['PC 3051(a)(2)', '15 CCR 2443'],
      certainty: 'secondary',
    },
  ],
};
