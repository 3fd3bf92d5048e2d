import { anyConviction } from '../facts/common-facts.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { FactLibrary } from '../rule-types.js';
import type { TheoryOfLiability } from '../screening-subject.js';
import { and3, bool, date, earliestDate, hasFinding, inSet, isSection, listHas, or3 } from './fact-helpers.js';

/** Facts for PC 1172.6 (felony murder and imputed malice) and the PC 1170(d) juvenile LWOP bars. */
const IMPUTED: readonly TheoryOfLiability[] = [
  'felony_murder_non_killer',
  'natural_and_probable_consequences',
  'other_imputed_malice',
];
const THEORY_INPUTS = ['convictions[].theory_of_liability', 'convictions[].findings'] as const;

const isHomicide = (c: PreparedConviction) => inSet(c.statute, 'CA_HOMICIDE_1172_6');
const homicides = (s: PreparedSubject) => s.convictions.filter((c) => isHomicide(c) === true);

/**
 * A homicide count is `defeated` when the record shows the person killed or meant to (a finding, or a
 * theory that is not imputed malice), `open` when it rests on imputed malice with no such finding.
 */
const classify = (c: PreparedConviction): 'defeated' | 'open' | null => {
  const theory = c.source.theory_of_liability;
  const killerOrIntent = or3(hasFinding(c, 'actual_killer'), hasFinding(c, 'intent_to_kill'));
  if (killerOrIntent === true || theory === 'actual_killer' || theory === 'direct_aider_abettor') return 'defeated';
  if (theory && IMPUTED.includes(theory)) return killerOrIntent === false ? 'open' : null;
  return null;
};

const reliefTheory = (s: PreparedSubject): boolean | null => {
  const classes = homicides(s).map(classify);
  if (classes.includes('open')) return true;
  return classes.includes(null) ? null : false;
};

const withSpecialCircumstance = (s: PreparedSubject) =>
  homicides(s).filter((c) => hasFinding(c, 'special_circumstance_true') === true);

const TORTURE_SPECIAL_CIRCUMSTANCE = /190\.2\s*\(a\)\s*\(18\)/;

/** PC 1170(d): torture pleaded and proved, or a public-safety-official victim (peace officers here). */
const tortureOrOfficialVictim = (s: PreparedSubject): boolean | null => {
  const c = s.controlling;
  if (!c) return null;
  const torture =
    listHas(c.source.special_circumstances, (x) => TORTURE_SPECIAL_CIRCUMSTANCE.test(x)) === true
      ? true
      : hasFinding(c, 'torture');
  return or3(torture, c.source.victim?.peace_officer);
};

export const HOMICIDE_FACTS: FactLibrary = {
  'any.homicide_1172_6': bool(
    'Convicted of murder, attempted murder or manslaughter (PC 1172.6(a))',
    ['convictions[].statute'],
    anyConviction(isHomicide),
  ),
  'any.murder': bool(
    'Convicted of murder (PC 187, not attempted)',
    ['convictions[].statute'],
    anyConviction((c) => (c.statute.recognised ? isSection(c.statute, 'PC', '187') && !c.statute.isAttempt : null)),
  ),
  'homicide.relief_theory': bool(
    'A homicide conviction rests on felony murder, natural and probable consequences or other imputed malice, with no actual-killer or intent-to-kill finding',
    THEORY_INPUTS,
    reliefTheory,
  ),
  'homicide.charged_on_imputed_theory': bool(
    'The charging document allowed the prosecution to proceed on an imputed-malice theory',
    ['charging_document_allowed_imputed_malice', 'convictions[].theory_of_liability'],
    (s) =>
      s.subject.charging_document_allowed_imputed_malice ??
      (homicides(s).some((c) => c.source.theory_of_liability && IMPUTED.includes(c.source.theory_of_liability))
        ? true
        : null),
  ),
  'homicide.earliest_conviction_date': date(
    'Earliest conviction date of a homicide conviction',
    ['convictions[].conviction_date'],
    (s) => earliestDate(homicides(s), (c) => c.source.conviction_date),
  ),
  'homicide.any_plea': bool('A homicide conviction was by plea', ['convictions[].disposition'], (s) =>
    or3(...homicides(s).map((c) => (c.source.disposition == null ? null : c.source.disposition === 'plea'))),
  ),
  'homicide.special_circumstance_finding': bool(
    'A special-circumstance finding on a homicide conviction',
    ['convictions[].findings'],
    (s) => or3(...homicides(s).map((c) => hasFinding(c, 'special_circumstance_true'))),
  ),
  'homicide.special_circumstance_found_on': date(
    'Earliest conviction date of a homicide conviction with a special-circumstance finding',
    ['convictions[].conviction_date'],
    (s) => earliestDate(withSpecialCircumstance(s), (c) => c.source.conviction_date),
  ),
  'homicide.peace_officer_victim': bool(
    'A homicide victim was a peace officer on duty, which the defendant knew or should have known',
    ['convictions[].victim.peace_officer', 'convictions[].victim.defendant_knew'],
    (s) =>
      or3(
        ...homicides(s).map((c) =>
          c.source.victim?.peace_officer === false
            ? false
            : and3(c.source.victim?.peace_officer, c.source.victim?.defendant_knew),
        ),
      ),
  ),
  'homicide.prior_petition': bool(
    'A petition under PC 1172.6 (former 1170.95) is recorded in the resentencing history (none recorded is false)',
    ['resentencing_history'],
    (s) => (s.subject.resentencing_history ?? []).some((r) => /1172\.6|1170\.95/.test(r.basis)),
  ),
  'controlling.torture_or_official_victim': bool(
    'The controlling offence had torture pleaded and proved, or a public-safety-official victim',
    ['convictions[].findings', 'convictions[].victim.peace_officer'],
    tortureOrOfficialVictim,
  ),
};
