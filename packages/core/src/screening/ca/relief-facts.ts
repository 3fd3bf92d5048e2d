import { anyConviction } from '../facts/common-facts.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { FactLibrary } from '../rule-types.js';
import { normalizeStatute } from '../statute-normaliser.js';
import type { StatuteSetId } from '../statute-types.js';
import { and3, bool, inSet, isSection, or3 } from './fact-helpers.js';
import { enhancementFacts } from './sentence-facts.js';

/** Facts for record-based relief: Props 47 and 64, prior convictions, prison priors, recorded resentencings. */
const members = (s: PreparedSubject, set: StatuteSetId, felonyOnly: boolean) =>
  s.convictions.filter((c) => inSet(c.statute, set) === true && (!felonyOnly || c.source.felony === true));

const offenseIn = (set: StatuteSetId, felonyOnly: boolean) =>
  anyConviction((c) => (felonyOnly ? and3(inSet(c.statute, set), c.source.felony) : inSet(c.statute, set)));

/** Of the convictions in a set: true if one is still being served, false if all are completed. */
const servingIn = (set: StatuteSetId, felonyOnly: boolean) => (s: PreparedSubject) =>
  or3(
    ...members(s, set, felonyOnly).map((c) =>
      c.source.sentence_completed == null ? null : !c.source.sentence_completed,
    ),
  );

/** A prior (any conviction before the ruling, People v. Walker) in a set, from the prior list or the current counts. */
const priorIn =
  (set: StatuteSetId, list: (s: PreparedSubject) => readonly string[] | null | undefined) => (s: PreparedSubject) => {
    const listed = list(s);
    const fromList = listed == null ? null : or3(false, ...listed.map((p) => inSet(normalizeStatute(p, 'CA'), set)));
    return or3(fromList, anyConviction((c) => inSet(c.statute, set))(s));
  };

/** Sexually violent offences of W&I 6600(b), by Penal Code section (force or duress is for a lawyer to confirm). */
const SEXUALLY_VIOLENT_SECTIONS = ['261', '262', '264.1', '269', '286', '287', '288', '288a', '288.5', '289'];

const recorded = (pattern: RegExp) => (s: PreparedSubject) =>
  (s.subject.resentencing_history ?? []).some((r) => pattern.test(r.basis));

const enhancementIn = (c: PreparedConviction, test: (e: PreparedConviction['statute']) => boolean | null) =>
  c.source.enhancements == null ? null : or3(false, ...c.enhancements.map(test));

export const RELIEF_FACTS: FactLibrary = {
  'prop47.offense': bool(
    'A felony conviction for an offence Prop 47 made a misdemeanour',
    ['convictions[].statute', 'convictions[].felony'],
    offenseIn('CA_PROP47_OFFENSES', true),
  ),
  'prop47.serving': bool(
    'Still serving the sentence for a Prop 47 offence',
    ['convictions[].sentence_completed'],
    servingIn('CA_PROP47_OFFENSES', true),
  ),
  'prop64.offense': bool(
    'A conviction under H&S 11357-11360 (cannabis)',
    ['convictions[].statute'],
    offenseIn('CA_PROP64_OFFENSES', false),
  ),
  'prop64.serving': bool(
    'Still serving the sentence for a cannabis offence',
    ['convictions[].sentence_completed'],
    servingIn('CA_PROP64_OFFENSES', false),
  ),
  'prior.super_strike': bool(
    'A conviction for a super strike (PC 667(e)(2)(C)(iv))',
    ['prior_super_strikes', 'convictions[].statute'],
    (s) => {
      const listed = s.subject.prior_super_strikes;
      return or3(listed == null ? null : listed.length > 0, priorIn('CA_SUPER_STRIKE_667E2CIV', () => [])(s));
    },
  ),
  'prior.registrable': bool(
    'Required to register under PC 290(c), or convicted of an offence that requires it',
    ['pc290_registrant', 'prior_felony_convictions', 'convictions[].statute'],
    (s) => {
      // A recorded registration status settles it, unless a listed conviction plainly requires registration.
      const fromRecord = priorIn('CA_REGISTRABLE_290C', (x) => x.subject.prior_felony_convictions)(s);
      const registrant = s.subject.pc290_registrant;
      return registrant == null ? fromRecord : registrant || fromRecord === true;
    },
  ),
  'prison_prior.sexually_violent': bool(
    'A prior felony in the record is a sexually violent offence (W&I 6600(b))',
    ['prior_felony_convictions'],
    (s) => {
      const priors = s.subject.prior_felony_convictions;
      if (priors == null) return null;
      return priors.some((p) => {
        const st = normalizeStatute(p, 'CA');
        return st.code === 'PC' && SEXUALLY_VIOLENT_SECTIONS.includes(st.section ?? '');
      });
    },
  ),
  'resentenced.1172_75': bool(
    'A resentencing under PC 1172.75 (former 1171.1, SB 483) is recorded (none recorded is false)',
    ['resentencing_history'],
    recorded(/1172\.75|1171\.1|SB\s*483/i),
  ),
  'resentenced.prop47': bool(
    'Relief under PC 1170.18 (Prop 47) is recorded (none recorded is false)',
    ['resentencing_history'],
    recorded(/1170\.18|prop(osition)?\s*47/i),
  ),
  'resentenced.prop64': bool(
    'Relief under H&S 11361.8 or 11361.9 (Prop 64) is recorded (none recorded is false)',
    ['resentencing_history'],
    recorded(/11361\.[89]|prop(osition)?\s*64/i),
  ),
  'any.violent_or_serious': bool(
    'A current conviction is a violent (PC 667.5(c)) or serious (PC 1192.7(c)) felony',
    ['convictions[].statute'],
    anyConviction((c) => or3(inSet(c.statute, 'CA_VIOLENT_667_5C'), inSet(c.statute, 'CA_SERIOUS_1192_7C'))),
  ),
  ...enhancementFacts('enh.firearm_12022_5_53', 'firearm enhancement (PC 12022.5 or 12022.53)', (c) =>
    enhancementIn(c, (e) => isSection(e, 'PC', '12022.5') || isSection(e, 'PC', '12022.53')),
  ),
  ...enhancementFacts('enh.serious_prior_667a', 'prior serious felony enhancement (PC 667(a))', (c) =>
    enhancementIn(c, (e) => isSection(e, 'PC', '667', 'a')),
  ),
  ...enhancementFacts('enh.prison_prior_667_5b', 'prison prior enhancement (PC 667.5(b))', (c) =>
    enhancementIn(c, (e) => inSet(e, 'CA_PRISON_PRIOR_667_5B')),
  ),
  ...enhancementFacts('enh.any', 'any enhancement', (c) =>
    c.source.enhancements == null ? null : c.source.enhancements.length > 0,
  ),
};
