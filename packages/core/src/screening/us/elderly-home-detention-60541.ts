import type { PathwayDefinition, Rule } from '../rule-types.js';

const ELIGIBLE = '34 U.S.C. 60541(g)(5)(A)';

const excludes = (id: string, fact: string, holds: string, unknown: string, clause: string): Rule => ({
  id,
  role: 'excludes',
  when: { fact },
  says: { holds, unknown },
  citations: [`${ELIGIBLE}${clause}`],
  legal_status: 'in_force',
  certainty: 'verified',
});

/**
 * Elderly home detention, 34 U.S.C. 60541(g) as amended by the First Step Act (sec. 603(a)): an
 * offender of 60 or more who has served 2/3 of the term imposed may be placed on home detention. The
 * pilot ran for fiscal years 2019-2023 and lapsed on 2023-09-30; no reauthorization was found as of
 * mid-2026 (uncertain). Runs as of a date in that window are screened normally; later runs are
 * `not_available` with `would_qualify_from`, so a team knows whom a revival would reach. BOP's own
 * determinations (history of violence, net cost, risk) are not in the record: `conditional`.
 * Not encoded: the 2008-2010 first pilot (65 and 10 years or 75%) and terminally ill offenders
 * under (g)(5)(D).
 */
export const ELDERLY_HOME_DETENTION_60541: PathwayDefinition = {
  id: 'US_ELDERLY_HOME_DETENTION_60541',
  jurisdiction: 'US',
  title: 'Federal elderly home detention (34 U.S.C. 60541(g))',
  matter_type: 'compassionate_release',
  kind: 'statutory',
  authority: {
    citations: ['34 U.S.C. 60541(g)', 'First Step Act of 2018, sec. 603(a)'],
    effective_from: '2018-12-21',
    effective_to: '2023-09-30',
    legal_status: 'expired',
    not_in_force_says:
      'The elderly home-detention pilot (34 U.S.C. 60541(g), as amended 2018-12-21) ran through fiscal year 2023 and lapsed on 2023-09-30; no reauthorization found (uncertain)',
  },
  rules: [
    {
      id: 'EH-CUSTODY',
      role: 'requires',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds: 'In Bureau of Prisons custody',
        fails: 'Not in custody: home detention is a placement from prison',
        unknown: 'Whether the person is in custody is unknown',
      },
      citations: ['34 U.S.C. 60541(g)(1)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'EH-AGE',
      role: 'requires',
      from: { add: { fact: 'dob' }, years: 60 },
      says: { holds: 'Age 60 reached {date}', pending: 'Age 60 reached on {date}', unknown: 'Date of birth unknown' },
      citations: [`${ELIGIBLE}(i)`],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'EH-TERM',
      role: 'requires',
      applies_if: { not: { fact: 'us.any_life_or_death' } },
      from: { add_fraction_of: 'controlling.term_months', base: { fact: 'custody_start' }, fraction: 2 / 3 },
      says: {
        holds: 'Two-thirds of the term imposed served {date}',
        pending: 'Two-thirds of the term imposed served on {date}',
        unknown: 'Custody start, term imposed or whether it is a life term is unknown',
      },
      citations: [`${ELIGIBLE}(ii)`],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    excludes(
      'EH-X-LIFE',
      'us.any_life_or_death',
      'Excluded: serving a life term (or death)',
      'Whether any term is life is unknown',
      '(ii)',
    ),
    excludes(
      'EH-X-COV',
      'us.any_crime_of_violence',
      'Excluded: a conviction for a crime of violence (18 U.S.C. 16)',
      'Whether a conviction is a crime of violence (18 U.S.C. 16) is unknown',
      '(ii)',
    ),
    excludes(
      'EH-X-SEX',
      'us.any_sex_offense',
      'Excluded: a conviction for a sex offense (34 U.S.C. 20911(5))',
      'Whether a conviction is a sex offense (34 U.S.C. 20911(5)) is unknown',
      '(ii)',
    ),
    excludes(
      'EH-X-TERROR',
      'us.any_terrorism',
      'Excluded: an offense listed in 18 U.S.C. 2332b(g)(5)(B)',
      'Whether a conviction is listed in 18 U.S.C. 2332b(g)(5)(B) is unknown',
      '(ii)',
    ),
    excludes(
      'EH-X-ESP',
      'us.any_espionage',
      'Excluded: an offense under 18 U.S.C. chapter 37 (espionage)',
      'Whether a conviction is under 18 U.S.C. chapter 37 is unknown',
      '(ii)',
    ),
    excludes(
      'EH-X-HIST',
      'us.prior_violent_or_sex',
      'Excluded: a past conviction for a crime of violence or sex offense',
      'Past convictions for a crime of violence or sex offense unknown',
      '(iii)',
    ),
    excludes(
      'EH-X-ESC',
      'us.escape_history',
      'Excluded: escape or attempted escape from a BOP institution',
      'Escape history unknown',
      '(v)',
    ),
    {
      id: 'EH-BOP',
      role: 'conditional_if',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds:
          'BOP must also find no history of violence, a substantial net cost reduction and no substantial risk of crime or danger',
      },
      citations: [`${ELIGIBLE}(iv)`, `${ELIGIBLE}(vi)`, `${ELIGIBLE}(vii)`],
      legal_status: 'in_force',
      certainty: 'verified',
    },
  ],
};
