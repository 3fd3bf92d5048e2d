import { normalizeStatuteUncached } from './statute-normaliser.js';
import type { CanonicalStatute, StatuteSet, StatuteSetId } from './statute-types.js';
import {
  CA_HOMICIDE_1172_6,
  CA_PRISON_PRIOR_667_5B,
  CA_PROP47_OFFENSES,
  CA_PROP64_OFFENSES,
  CA_REGISTRABLE_290C,
  CA_SUPER_STRIKE_667E2CIV,
} from './statutes/ca-sets.js';
import { CA_SERIOUS_1192_7C, CA_VIOLENT_667_5C } from './statutes/ca-violent-serious.js';
import type { StatuteSetData, StatuteSetMember } from './statutes/statute-set-data.js';
import {
  US_CRIME_OF_VIOLENCE_18_16,
  US_ESPIONAGE_CH37,
  US_FSA_2010_COVERED,
  US_SEX_OFFENSE_20911,
  US_TERRORISM_2332B,
  US_THREE_STRIKES_3559C,
} from './statutes/us-sets.js';

export type { StatuteSetData, StatuteSetMember } from './statutes/statute-set-data.js';

/** The named statute sets as data, with their citations and how sure we are of each list. */
export const STATUTE_SETS: Readonly<Record<StatuteSetId, StatuteSetData>> = {
  CA_VIOLENT_667_5C,
  CA_SERIOUS_1192_7C,
  CA_SUPER_STRIKE_667E2CIV,
  CA_REGISTRABLE_290C,
  CA_HOMICIDE_1172_6,
  CA_PROP47_OFFENSES,
  CA_PROP64_OFFENSES,
  CA_PRISON_PRIOR_667_5B,
  US_CRIME_OF_VIOLENCE_18_16,
  US_FSA_2010_COVERED,
  US_THREE_STRIKES_3559C,
  US_SEX_OFFENSE_20911,
  US_TERRORISM_2332B,
  US_ESPIONAGE_CH37,
};

/** Title, citations, certainty and note of a set, for explanations ("why"). */
export const describeStatuteSet = (id: StatuteSetId): StatuteSet => {
  const { title, citations, certainty, note } = STATUTE_SETS[id];
  return note === undefined ? { id, title, citations, certainty } : { id, title, citations, certainty, note };
};

type CompiledMember = {
  subdivisions: readonly string[];
  inSet: boolean | null;
  degree: 'first' | 'second' | null;
  attempts: 'default' | 'also' | 'only' | 'never';
  isConspiracyOnly: boolean;
};

type CompiledSet = {
  isFederal: boolean;
  includesAttempts: boolean;
  includesConspiracies: boolean;
  hasAttemptMembers: boolean;
  /** Members by code or USC title, then by section. */
  members: Map<string, Map<string, CompiledMember[]>>;
};

const compileMember = (set: StatuteSetData, member: StatuteSetMember): [string, string, CompiledMember] => {
  const parsed = normalizeStatuteUncached(member.statute, set.jurisdiction);
  if (!parsed.recognised || parsed.id !== member.statute || parsed.code === null || parsed.section === null) {
    throw new Error(`Statute set ${set.id}: member "${member.statute}" is not a canonical id (reads as ${parsed.id})`);
  }
  const attempts = parsed.isAttempt ? 'only' : (member.attempts ?? 'default');
  const compiled: CompiledMember = {
    subdivisions: parsed.subdivisions,
    inSet: member.inSet,
    degree: member.degree ?? null,
    attempts,
    isConspiracyOnly: parsed.isConspiracy,
  };
  return [parsed.title ?? parsed.code, parsed.section, compiled];
};

const compileSet = (set: StatuteSetData): CompiledSet => {
  const members = new Map<string, Map<string, CompiledMember[]>>();
  let hasAttemptMembers = false;
  for (const member of set.members) {
    const [prefix, section, compiled] = compileMember(set, member);
    if (compiled.attempts === 'only' || compiled.attempts === 'also') hasAttemptMembers = true;
    let bySection = members.get(prefix);
    if (!bySection) {
      bySection = new Map();
      members.set(prefix, bySection);
    }
    const list = bySection.get(section);
    if (list) list.push(compiled);
    else bySection.set(section, [compiled]);
  }
  return {
    isFederal: set.jurisdiction === 'US',
    includesAttempts: set.includesAttempts,
    includesConspiracies: set.includesConspiracies,
    hasAttemptMembers,
    members,
  };
};

const COMPILED = Object.fromEntries(Object.values(STATUTE_SETS).map((set) => [set.id, compileSet(set)])) as Record<
  StatuteSetId,
  CompiledSet
>;

const isCompatible = (member: CompiledMember, statute: CanonicalStatute, set: CompiledSet): boolean => {
  const attemptOk = statute.isAttempt
    ? member.attempts === 'only' || member.attempts === 'also' || (set.includesAttempts && member.attempts !== 'never')
    : member.attempts !== 'only';
  if (!attemptOk) return false;
  return statute.isConspiracy ? member.isConspiracyOnly || set.includesConspiracies : !member.isConspiracyOnly;
};

/** Kleene "or": in the set if any matching member says so; unknown if any is unknown. */
const or = (a: boolean | null, b: boolean | null): boolean | null =>
  a === true || b === true ? true : a === null || b === null ? null : false;

const memberAnswer = (member: CompiledMember, degree: CanonicalStatute['degree']): boolean | null => {
  if (member.degree === null) return member.inSet;
  if (degree === null) return member.inSet === false ? false : null;
  return degree === member.degree ? member.inSet : false;
};

/** -1: member covers the statute (member path is a prefix); 1: statute is less specific; 0: unrelated. */
const relation = (member: readonly string[], statute: readonly string[]): -1 | 0 | 1 => {
  const n = Math.min(member.length, statute.length);
  for (let i = 0; i < n; i += 1) {
    if (member[i] !== statute[i]) return 0;
  }
  return member.length <= statute.length ? -1 : 1;
};

/** An attempt or conspiracy whose object the text did not name (`PC 664`, `PC 182(a)(1)`, `21 USC 846`). */
const inchoateWithoutObject = (statute: CanonicalStatute): 'attempt' | 'conspiracy' | null => {
  if (statute.code === 'PC') {
    if (statute.section === '664') return 'attempt';
    if (statute.section === '182') return 'conspiracy';
  }
  if (statute.title === '21' && (statute.section === '846' || statute.section === '963')) return 'conspiracy';
  return null;
};

/**
 * Whether a statute is in a named set. `null` when membership turns on facts the statute alone does
 * not give: a value, a finding, the degree, the substance, a subdivision the text does not name, or
 * text that could not be read at all.
 */
export const isInStatuteSet = (statute: CanonicalStatute, set: StatuteSetId): boolean | null => {
  if (!statute.recognised || statute.code === null || statute.section === null) return null;
  const compiled = COMPILED[set];
  if ((statute.code === 'USC') !== compiled.isFederal) return false;
  const members = compiled.members.get(statute.title ?? statute.code)?.get(statute.section);
  if (!members) {
    const inchoate = inchoateWithoutObject(statute);
    if (inchoate === 'attempt') return compiled.includesAttempts || compiled.hasAttemptMembers ? null : false;
    if (inchoate === 'conspiracy') return compiled.includesConspiracies ? null : false;
    return false;
  }
  let covering: boolean | null = false;
  let coveringDepth = -1;
  let narrower: boolean | null | undefined;
  let narrowerDiffers = false;
  for (const member of members) {
    if (!isCompatible(member, statute, compiled)) continue;
    const rel = relation(member.subdivisions, statute.subdivisions);
    if (rel === 0) continue;
    const value = memberAnswer(member, statute.degree);
    if (rel === -1) {
      const depth = member.subdivisions.length;
      if (depth > coveringDepth) {
        covering = value;
        coveringDepth = depth;
      } else if (depth === coveringDepth) {
        covering = or(covering, value);
      }
    } else {
      if (narrower !== undefined && narrower !== value) narrowerDiffers = true;
      narrower = narrower === undefined ? value : or(narrower, value);
    }
  }
  if (narrower === undefined) return covering;
  if (coveringDepth < 0) return narrower === false && !narrowerDiffers ? false : null;
  return narrowerDiffers || narrower !== covering ? null : covering;
};
