import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { Fact, FactLibrary } from '../rule-types.js';

/**
 * Facts every jurisdiction reads. A fact returns null when the record does not say; `inputs` names the
 * fields that would settle it, so a result can say what to fill in.
 */
const SENTENCE_TYPE = ['convictions[].sentence_type'] as const;

const controllingType = (s: PreparedSubject) => s.controlling?.source.sentence_type ?? null;

const controllingIs =
  (...types: string[]) =>
  (s: PreparedSubject): boolean | null => {
    const t = controllingType(s);
    return t === null ? null : types.includes(t);
  };

/** True if any conviction has the property, null if none does but some are unknown. */
export const anyConviction =
  (test: (c: PreparedConviction) => boolean | null | undefined) =>
  (s: PreparedSubject): boolean | null => {
    let unknown = false;
    for (const c of s.convictions) {
      const v = test(c);
      if (v === true) return true;
      if (v === null || v === undefined) unknown = true;
    }
    return unknown ? null : false;
  };

const bool = (describe: string, inputs: readonly string[], get: (s: PreparedSubject) => boolean | null): Fact => ({
  kind: 'bool',
  describe,
  inputs,
  get,
});

export const COMMON_FACTS: FactLibrary = {
  dob: { kind: 'date', describe: 'Date of birth', inputs: ['person.dob'], get: (s) => s.subject.person.dob ?? null },
  custody_start: {
    kind: 'date',
    describe: 'Start of continuous creditable custody on the current sentence',
    inputs: ['custody.custody_start'],
    get: (s) => s.subject.custody?.custody_start ?? null,
  },
  custody_continuous: bool(
    'Custody has been continuous',
    ['custody.continuous'],
    (s) => s.subject.custody?.continuous ?? null,
  ),
  currently_incarcerated: bool(
    'Currently incarcerated',
    ['person.currently_incarcerated'],
    (s) => s.subject.person.currently_incarcerated ?? null,
  ),
  released_on: {
    kind: 'date',
    describe: 'Released from confinement on',
    inputs: ['released_on'],
    get: (s) => s.subject.released_on ?? s.subject.custody?.release_date ?? null,
  },
  'controlling.death': bool('Controlling sentence is death', SENTENCE_TYPE, controllingIs('death')),
  'controlling.lwop': bool('Controlling sentence is life without parole', SENTENCE_TYPE, controllingIs('LWOP')),
  'controlling.life_term': bool(
    'Controlling sentence is a life term with parole (N to life)',
    SENTENCE_TYPE,
    controllingIs('indeterminate', 'life'),
  ),
  'controlling.determinate': bool(
    'Controlling sentence is a determinate term',
    SENTENCE_TYPE,
    controllingIs('determinate', 'term', 'county_jail'),
  ),
  'any.death_or_lwop': bool(
    'Any sentence of death or life without parole',
    SENTENCE_TYPE,
    anyConviction((c) =>
      c.source.sentence_type == null ? null : c.source.sentence_type === 'death' || c.source.sentence_type === 'LWOP',
    ),
  ),
  'controlling.offense_last_day': {
    kind: 'date',
    describe: 'Last day of the controlling offence',
    inputs: ['convictions[].offense_date'],
    get: (s) => s.controlling?.offenseLastDay ?? null,
  },
  'controlling.term_months': {
    kind: 'number',
    describe: 'Term imposed on the controlling conviction, in months',
    inputs: ['convictions[].term_months'],
    get: (s) => s.controlling?.termMonths ?? null,
  },
  'controlling.min_term_years': {
    kind: 'number',
    describe: 'Minimum term of the controlling life sentence, in years',
    inputs: ['convictions[].sentence'],
    get: (s) => s.controlling?.minTermYears ?? null,
  },
  'scheme.three_strikes': bool(
    'Sentenced under Three Strikes (PC 667(b)-(i) or 1170.12)',
    ['sentencing_schemes'],
    (s) => (s.subject.sentencing_schemes == null ? null : s.subject.sentencing_schemes.includes('three_strikes')),
  ),
  'scheme.one_strike': bool('Sentenced under One Strike (PC 667.61)', ['sentencing_schemes'], (s) =>
    s.subject.sentencing_schemes == null ? null : s.subject.sentencing_schemes.includes('one_strike'),
  ),
  pc290_registrant: bool(
    'Required to register under PC 290',
    ['pc290_registrant'],
    (s) => s.subject.pc290_registrant ?? null,
  ),
};
