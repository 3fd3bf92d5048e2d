import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';

/**
 * One person as the screening engine reads them: the roster record of screening-format.md, field for
 * field (snake_case, because the format is shared with other tools). Every field but `id`,
 * `jurisdiction`, `person.dob` and one conviction may be missing, and a missing fact is unknown, never
 * false: `undefined` and `null` both mean "the record does not say".
 */
const CalendarDay = z
  .string()
  .refine(isCalendarDate, { message: 'Must be a real calendar date YYYY-MM-DD' })
  .describe('Calendar date YYYY-MM-DD');
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish();
const maybeDay = maybe(CalendarDay);
const maybeBool = maybe(z.boolean());
const maybeText = maybe(z.string().max(500));
const textList = maybe(z.array(z.string().max(200)).max(100));

export const THEORIES_OF_LIABILITY = [
  'actual_killer',
  'direct_aider_abettor',
  'felony_murder_non_killer',
  'natural_and_probable_consequences',
  'other_imputed_malice',
  'unknown',
] as const;
export type TheoryOfLiability = (typeof THEORIES_OF_LIABILITY)[number];

export const SCREENING_SENTENCE_TYPES = [
  'death',
  'LWOP',
  'indeterminate',
  'life',
  'determinate',
  'term',
  'probation',
  'county_jail',
] as const;
export type ScreeningSentenceType = (typeof SCREENING_SENTENCE_TYPES)[number];

export const ScreeningConviction = z.object({
  statute: z.string().trim().min(1, 'Required').max(200),
  degree: maybe(z.enum(['first', 'second'])),
  offense_date: maybeDay,
  offense_start: maybeDay,
  offense_end: maybeDay,
  conviction_date: maybeDay,
  sentencing_date: maybeDay,
  disposition: maybe(z.enum(['plea', 'jury', 'bench'])),
  sentence_type: maybe(z.enum(SCREENING_SENTENCE_TYPES)),
  sentence: maybeText,
  /** Determinate and federal terms, in months. */
  term_months: maybe(z.number().int().min(0).max(12_000)),
  /** For indeterminate terms "N years to life": N. Derived from `sentence` when missing. */
  min_term_years: maybe(z.number().int().min(0).max(1000)),
  controlling: maybeBool,
  felony: maybeBool,
  sex_offense: maybeBool,
  crime_of_violence: maybeBool,
  drug: maybeText,
  theory_of_liability: maybe(z.enum(THEORIES_OF_LIABILITY)),
  findings: textList,
  special_circumstances: textList,
  enhancements: textList,
  sentenced_under: maybeText,
  fsa_2010_applied_at_sentencing: maybeBool,
  sentence_completed: maybeBool,
  victim: maybe(
    z.object({
      peace_officer: maybeBool,
      defendant_knew: maybeBool,
    }),
  ),
});
export type ScreeningConviction = z.infer<typeof ScreeningConviction>;

export const ScreeningSubject = z.object({
  id: z.string().trim().min(1, 'Required').max(200),
  jurisdiction: z.enum(['CA', 'US']),
  person: z.object({
    dob: CalendarDay.nullish(),
    currently_incarcerated: maybeBool,
    name: maybeText,
  }),
  custody: maybe(
    z.object({
      custody_start: maybeDay,
      continuous: maybeBool,
      prior_custody_periods: maybe(
        z.array(z.object({ from: CalendarDay, to: maybeDay, ended_by: maybeText })).max(100),
      ),
      /** Release date expected under the current sentence, when known (a later pathway date is moot). */
      expected_release_date: maybeDay,
      release_date: maybeDay,
      supervision_end_date: maybeDay,
    }),
  ),
  convictions: z.array(ScreeningConviction).min(1, 'At least one conviction').max(200),
  sentencing_schemes: maybe(z.array(z.enum(['three_strikes', 'one_strike'])).max(5)),
  prior_strikes: maybe(z.number().int().min(0).max(100)),
  prior_super_strikes: textList,
  prior_felony_convictions: textList,
  pc290_registrant: maybeBool,
  criminal_history: maybe(
    z.object({
      escape_history: maybeBool,
      prior_violent_or_sex_convictions: maybeBool,
    }),
  ),
  medical: maybe(
    z.object({
      diagnosis: maybeText,
      serious_advanced_illness_end_of_life: maybeBool,
      permanent_incapacity_adl: maybeBool,
      requires_24_hour_care: maybeBool,
      incapacity_existed_at_sentencing: maybeBool,
      aging_related_serious_deterioration: maybe(z.union([z.boolean(), z.literal('unknown')])),
    }),
  ),
  bop_request: maybe(z.object({ warden_received: maybeDay, denied: maybeBool, appeals_exhausted: maybeDay })),
  prior_404_motion: maybe(z.object({ outcome: z.enum(['denied_on_merits', 'granted', 'denied_other']) })),
  pending_litigation: maybe(
    z.array(z.object({ type: z.string().max(200), filed: maybeDay, status: maybeText })).max(50),
  ),
  charging_document_allowed_imputed_malice: maybeBool,
  /** Recorded resentencings and referrals that change what is still open (e.g. 1172.75 already done). */
  resentencing_history: maybe(z.array(z.object({ basis: z.string().max(200), date: maybeDay })).max(50)),
  referral: maybe(
    z.object({
      by: z.enum([
        'cdcr_secretary',
        'bph',
        'district_attorney',
        'attorney_general',
        'county_correctional_administrator',
      ]),
      date: maybeDay,
    }),
  ),
  /** Date of release from confinement (or sentencing if none), for pardon waiting periods. */
  released_on: maybeDay,
});
export type ScreeningSubject = z.infer<typeof ScreeningSubject>;
