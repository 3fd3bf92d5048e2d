import type { CanonicalStatute, StatuteCode } from './statute-types.js';

/**
 * Reads raw statute text as corrections extracts and court records write it (`PC187(a)`, `PC 187 2nd`,
 * `664/187`, `H&S 11350(a)`, `21:841(b)(1)(A)(iii)`, `21 U.S.C. § 841(a)(1), (b)(1)(B)`) into a
 * `CanonicalStatute`. Text it cannot read is kept and flagged (`recognised: false`), never dropped.
 *
 * Canonical ids:
 * - California: `PC 187(a)`, `HS 11359`; attempts `PC 664/187(a)`, conspiracies `PC 182(a)(1)/211`.
 * - Federal: `21 USC 841(b)(1)(A)(iii)`; drug conspiracies `21 USC 846/841(b)(1)(A)`; an attempt or
 *   conspiracy read from words alone gets a suffix: `18 USC 1951(a) attempt`.
 * - Degree is a separate field, not part of the id (it names no other provision).
 * Subdivision letters are cased by their level (`(a)(1)(A)(iii)(I)`), so `187(A)` reads as `187(a)`.
 *
 * It runs millions of times in a bulk run: the patterns are compiled once here and results are cached.
 */
export type StatuteJurisdiction = 'CA' | 'US';

type CaCode = Exclude<StatuteCode, 'USC'>;

const CA_CODE_PATTERNS: ReadonlyArray<readonly [CaCode, RegExp]> = [
  ['PC', /(?:P\.?\s?C\.?|PEN(?:AL)?(?:\s?CODE)?|CPC)(?![A-Z])/y],
  ['HS', /(?:H\.?\s?(?:&|AND)?\s?S\.?(?:C\.?)?|HEALTH\s?(?:&|AND)\s?SAFETY(?:\s?CODE)?|HLTH\s?&?\s?S\.?)(?![A-Z])/y],
  ['VC', /(?:V\.?\s?C\.?|VEH(?:ICLE)?(?:\s?CODE)?|VEHC)(?![A-Z])/y],
  ['BP', /(?:B\.?\s?(?:&|AND)?\s?P\.?(?:C\.?)?|BUS(?:INESS)?\s?(?:&|AND)\s?PROF(?:ESSIONS)?(?:\s?CODE)?)(?![A-Z])/y],
  ['WI', /(?:W\.?\s?(?:&|AND)?\s?I\.?(?:C\.?)?|WELF(?:ARE)?\s?(?:&|AND)\s?INST(?:ITUTIONS)?(?:\s?CODE)?)(?![A-Z])/y],
];
/** `21 USC`, `21 U.S.C.`, `21 U.S.C.A.`, `TITLE 18 USC`, `21:` */
const FEDERAL_TITLE = /(?:TITLE\s?)?(\d{1,2})\s?(?::|U\.?\s?S\.?\s?C\.?(?:\s?[AS]\.?)?(?![A-Z]))/y;
/** What may stand between a code and its section: spaces, `-`, `#`, `:`, `SEC.`, `SECTION`. */
const SEPARATOR = /[\s\-:#]*(?:SECTIONS?\s?|SECS?\.?\s?)?/y;
/** `187`, `12022.53`, `288a`, `2252A`; a run of letters followed by a digit is a compact subdivision. */
const SECTION = /(\d{1,6}(?:\.\d{1,4})?)(?:([A-Z]{1,2})(?![A-Z0-9]))?/y;
/** `(a)`, `( b )`, `(iii)`, `(A1)` → `(a)(1)`. */
const SUBDIVISION = /\s?\(\s?(\d{1,4}|[IVXL]{1,6}|[A-Z]{1,2}|[A-Z]\d{1,3})\s?\)/y;
/** `245A1` → `245(a)(1)`. */
const COMPACT_SUBDIVISION = /([A-Z])(\d{1,2})(?![A-Z0-9])/y;
const SLASH = /\s?\/\s?/y;
const LIST_JOIN = /\s?(?:,|&|AND\b)\s?/y;
const INCHOATE_WORD = /(?:(ATT(?:EMPT(?:ED)?)?)|(CONSP(?:IRACY)?))\.?\s?(?:TO\s(?:COMMIT\s)?)?/y;
const TAIL_ATTEMPT = /\bATT(?:EMPT(?:ED)?)?\b/;
const TAIL_CONSPIRACY = /\bCONSP(?:IRACY)?\b/;
const TAIL_DEGREE = /\b(?:([123])(?:ST|ND|RD)|(FIRST|SECOND|THIRD)|DEG(?:REE)?\.?\s?([123]))\b(?!\s?STRIK)/;
const SPACES = /\s+/g;
/** `2ND` is a degree or a strike, never a section. */
const ORDINAL_SUFFIXES = new Set(['ST', 'ND', 'RD', 'TH']);
const SECTION_SIGN = /§/g;
const LEADING_QUESTION_MARKS = /^\?+/;

/** Bare federal sections read without a title in a federal record: only those that are unambiguous. */
const TITLE_21_BARE = new Set(['841', '846', '960', '963']);
const TITLE_18_BARE = new Set([
  ...['111', '371', '922', '924', '1028A', '1111', '1112', '1201', '1341', '1343', '1344', '1591', '1951'],
  ...['1956', '1959', '1962', '2113', '2119', '2241', '2251', '2252', '2252A', '2422', '2423', '3559'],
]);
/** US Code sections whose letter suffix is lower case (most are upper case: `2252A`, `2339B`). */
const USC_LOWER_CASE_SECTIONS = new Set(['175B', '175C', '2332A', '2332B', '2332D', '2332F', '2332G', '2332H']);
/** Sections that are enhancements rather than offences; a subdivision list narrows a section. */
const ENHANCEMENTS: ReadonlyMap<string, readonly string[] | null> = new Map([
  ...['12022', '12022.1', '12022.2', '12022.3', '12022.4', '12022.5', '12022.53', '12022.55'].map(
    (s) => [`PC ${s}`, null] as const,
  ),
  ...['12022.6', '12022.7', '12022.75', '12022.8', '12022.85', '12022.9', '12022.95'].map(
    (s) => [`PC ${s}`, null] as const,
  ),
  ['PC 667', ['a']],
  ['PC 667.5', ['a', 'b']],
  ['PC 186.22', ['b', 'd']],
  ['HS 11370.2', null],
  ['HS 11370.4', null],
  ['HS 11379.8', null],
  ['18 USC 924', ['e']],
  ['18 USC 3147', null],
  ['18 USC 3559', ['c']],
  ['21 USC 851', null],
]);

type Citation = { code: StatuteCode; title: string | null; section: string; subdivisions: string[] };
type Cursor = { pos: number };

const at = (re: RegExp, text: string, cursor: Cursor): RegExpExecArray | null => {
  re.lastIndex = cursor.pos;
  const m = re.exec(text);
  if (m) cursor.pos = re.lastIndex;
  return m;
};

type Level = 'start' | 'subsection' | 'paragraph' | 'subparagraph' | 'clause' | 'subclause';
const NEXT_LETTER_LEVEL: Readonly<Record<Level, Level>> = {
  start: 'subsection',
  subsection: 'subsection',
  paragraph: 'subparagraph',
  subparagraph: 'clause',
  clause: 'subclause',
  subclause: 'clause',
};

/** Letters take their case from their level: (a) subsection, (1) paragraph, (A) subparagraph, (i) clause, (I) subclause. */
const caseSubdivisions = (tokens: readonly string[]): string[] => {
  const out: string[] = [];
  let level: Level = 'start';
  for (const token of tokens) {
    if (token.charCodeAt(0) <= 57) {
      out.push(token);
      level = 'paragraph';
      continue;
    }
    level = NEXT_LETTER_LEVEL[level];
    out.push(level === 'subparagraph' || level === 'subclause' ? token : token.toLowerCase());
  }
  return out;
};

const readSubdivisions = (text: string, cursor: Cursor, into: string[]): void => {
  const compact = at(COMPACT_SUBDIVISION, text, cursor);
  if (compact) into.push(compact[1] ?? '', compact[2] ?? '');
  for (let m = at(SUBDIVISION, text, cursor); m; m = at(SUBDIVISION, text, cursor)) {
    const token = m[1] ?? '';
    const code = token.charCodeAt(1);
    if (token.length > 1 && code >= 48 && code <= 57 && token.charCodeAt(0) > 57) {
      into.push(token.slice(0, 1), token.slice(1));
    } else {
      into.push(token);
    }
  }
};

const readSection = (text: string, cursor: Cursor): { section: string; suffix: string } | null => {
  const m = at(SECTION, text, cursor);
  return m ? { section: m[1] ?? '', suffix: m[2] ?? '' } : null;
};

const readCaCode = (text: string, cursor: Cursor): CaCode | null => {
  for (const [code, re] of CA_CODE_PATTERNS) {
    if (at(re, text, cursor)) return code;
  }
  return null;
};

const bareFederalTitle = (section: string): string | null =>
  TITLE_21_BARE.has(section) ? '21' : TITLE_18_BARE.has(section) ? '18' : null;

const finishSection = (code: StatuteCode, section: string, suffix: string): string => {
  if (!suffix) return section;
  if (code !== 'USC') return section + suffix.toLowerCase();
  return USC_LOWER_CASE_SECTIONS.has(section + suffix) ? section + suffix.toLowerCase() : section + suffix;
};

/**
 * One citation at the cursor. `context` is the citation before it in a list (`664/187`, `846, 841`):
 * a bare section there takes the same code and title.
 */
const readCitation = (
  text: string,
  cursor: Cursor,
  jurisdiction: StatuteJurisdiction,
  context: Citation | null,
): Citation | null => {
  const start = cursor.pos;
  let code: StatuteCode | null = null;
  let title: string | null = null;
  const fed = at(FEDERAL_TITLE, text, cursor);
  if (fed) {
    code = 'USC';
    title = fed[1] ?? null;
  } else {
    code = readCaCode(text, cursor);
  }
  if (code) at(SEPARATOR, text, cursor);
  const sec = readSection(text, cursor);
  if (!sec || ORDINAL_SUFFIXES.has(sec.suffix)) {
    cursor.pos = start;
    return null;
  }
  const subdivisions: string[] = [];
  readSubdivisions(text, cursor, subdivisions);
  if (!code) {
    const beforeSuffix = cursor.pos;
    cursor.pos += text.charCodeAt(cursor.pos) === 32 ? 1 : 0;
    code = readCaCode(text, cursor);
    if (!code) cursor.pos = beforeSuffix;
  }
  if (!code && context) {
    code = context.code;
    title = context.title;
  }
  if (!code && jurisdiction === 'CA') code = 'PC';
  if (!code) {
    title = bareFederalTitle(sec.section + sec.suffix);
    if (!title) {
      cursor.pos = start;
      return null;
    }
    code = 'USC';
  }
  return { code, title, section: finishSection(code, sec.section, sec.suffix), subdivisions };
};

type Reading = {
  object: Citation;
  /** The attempt or conspiracy provisions wrapped around the object, as written in the id (`664`, `182(a)(1)`). */
  wrappers: string[];
  isAttempt: boolean;
  isConspiracy: boolean;
  /** The text after the citations: descriptions, degree words, "ATT". */
  tail: string;
};

const wrapperKind = (c: Citation): 'attempt' | 'conspiracy' | null => {
  if (c.code === 'PC') return c.section === '664' ? 'attempt' : c.section === '182' ? 'conspiracy' : null;
  if (c.code === 'USC' && c.title === '21') return c.section === '846' || c.section === '963' ? 'conspiracy' : null;
  return null;
};

const subdivisionText = (subdivisions: readonly string[]): string => {
  let out = '';
  for (const s of subdivisions) out += `(${s})`;
  return out;
};

const wrapperText = (c: Citation): string => `${c.section}${subdivisionText(caseSubdivisions(c.subdivisions))}`;

/** Adds `next` to a reading when it is the object of an attempt or conspiracy, or wraps the current object. */
const combine = (reading: Reading, next: Citation): boolean => {
  // California codes combine with each other (`PC 664/HS 11352`); federal citations only within a title.
  if ((next.code === 'USC' || reading.object.code === 'USC') && next.title !== reading.object.title) return false;
  if (wrapperKind(reading.object)) {
    reading.wrappers.push(wrapperText(reading.object));
    reading.object = next;
    return true;
  }
  if (wrapperKind(next)) {
    reading.wrappers.push(wrapperText(next));
    return true;
  }
  return false;
};

/** Citations joined by `/` (`664/187`) or, in federal text, by `,` or `and` (`846, 841(a)(1), (b)(1)(B)`). */
const readJoined = (text: string, cursor: Cursor, jurisdiction: StatuteJurisdiction, reading: Reading): void => {
  for (let i = 0; i < 4; i += 1) {
    const before = cursor.pos;
    const isSlash = at(SLASH, text, cursor) !== null;
    if (!isSlash && !at(LIST_JOIN, text, cursor)) return;
    const isFederal = reading.object.code === 'USC';
    if (!isSlash && !isFederal) {
      cursor.pos = before;
      return;
    }
    if (!isSlash) {
      // A later path of the same section names the penalty provision: `841(a)(1), (b)(1)(B)`.
      const later: string[] = [];
      readSubdivisions(text, cursor, later);
      if (later.length > 0) {
        reading.object.subdivisions = later;
        continue;
      }
    }
    const next = readCitation(text, cursor, jurisdiction, reading.object);
    if (!next || !combine(reading, next)) {
      cursor.pos = before;
      return;
    }
  }
};

const isAttemptWrapper = (w: string): boolean => w.startsWith('664');

const isInchoateSection = (token: string): boolean => token === '664' || token === '182';

const readStatute = (text: string, jurisdiction: StatuteJurisdiction): Reading | null => {
  const cursor: Cursor = { pos: 0 };
  let isAttemptWord = false;
  let isConspiracyWord = false;
  for (let m = at(INCHOATE_WORD, text, cursor); m; m = at(INCHOATE_WORD, text, cursor)) {
    if (m[1]) isAttemptWord = true;
    if (m[2]) isConspiracyWord = true;
  }
  const first = readCitation(text, cursor, jurisdiction, null);
  if (!first) return null;
  const inner = first.code === 'PC' ? first.subdivisions.findIndex(isInchoateSection) : -1;
  const reading: Reading = { object: first, wrappers: [], isAttempt: false, isConspiracy: false, tail: '' };
  if (inner >= 0) {
    // `PC187(664)`: the attempt or conspiracy section written as a subdivision of the object.
    reading.wrappers.push(first.subdivisions[inner] ?? '');
    first.subdivisions = first.subdivisions.filter((s) => !isInchoateSection(s));
  }
  readJoined(text, cursor, jurisdiction, reading);
  reading.tail = text.slice(cursor.pos);
  const { object, wrappers, tail } = reading;
  const objectKind = wrapperKind(object);
  let hasAttemptWrapper = objectKind === 'attempt';
  let hasConspiracyWrapper = objectKind === 'conspiracy';
  for (const w of wrappers) {
    if (isAttemptWrapper(w) && object.code !== 'USC') hasAttemptWrapper = true;
    else hasConspiracyWrapper = true;
  }
  reading.isAttempt = hasAttemptWrapper || isAttemptWord || TAIL_ATTEMPT.test(tail);
  reading.isConspiracy = hasConspiracyWrapper || isConspiracyWord || TAIL_CONSPIRACY.test(tail);
  if (object.code === 'PC') {
    // An attempt or conspiracy read from words is written as the Penal Code writes it: `664/211`, `182/211`.
    if (reading.isAttempt && !hasAttemptWrapper) wrappers.push('664');
    if (reading.isConspiracy && !hasConspiracyWrapper) wrappers.unshift('182');
  }
  return reading;
};

const readDegree = (tail: string): CanonicalStatute['degree'] => {
  const m = TAIL_DEGREE.exec(tail);
  if (!m) return null;
  const word = m[1] ?? m[3] ?? m[2];
  if (word === '1' || word === 'FIRST') return 'first';
  if (word === '2' || word === 'SECOND') return 'second';
  return 'third';
};

const isEnhancementOf = (prefix: string, section: string, subdivisions: readonly string[]): boolean => {
  const only = ENHANCEMENTS.get(`${prefix} ${section}`);
  if (only === undefined) return false;
  if (only === null) return true;
  const first = subdivisions[0];
  return first !== undefined && only.includes(first);
};

const unrecognised = (raw: string, text: string): CanonicalStatute =>
  Object.freeze({
    raw,
    recognised: false,
    code: null,
    title: null,
    section: null,
    subdivisions: Object.freeze([]) as unknown as string[],
    id: `?${text.replace(LEADING_QUESTION_MARKS, '')}`,
    degree: null,
    isAttempt: false,
    isConspiracy: false,
    isEnhancement: false,
  });

/** Normalises without the cache (tests and benchmarks of the parsing itself). */
export const normalizeStatuteUncached = (raw: string, jurisdiction: StatuteJurisdiction): CanonicalStatute => {
  const text = raw.trim();
  const upper = text.toUpperCase().replace(SECTION_SIGN, ' ').replace(SPACES, ' ');
  const reading = readStatute(upper, jurisdiction);
  if (!reading) return unrecognised(raw, text);
  const { object } = reading;
  const subdivisions = caseSubdivisions(object.subdivisions);
  const prefix = object.code === 'USC' ? `${object.title} USC` : object.code;
  // Wrappers are written before the object only where the wrapper is in the same code (`PC 664/187`,
  // `21 USC 846/841`); otherwise (`HS 11352 attempt`, `18 USC 1951 attempt`) the id carries a suffix.
  const isWrapped = reading.wrappers.length > 0 && (object.code === 'PC' || object.title === '21');
  const wrappers = isWrapped ? `${reading.wrappers.join('/')}/` : '';
  const objectKind = wrapperKind(object);
  const hasAttemptWrapper = isWrapped && object.code === 'PC' && reading.wrappers.some(isAttemptWrapper);
  const hasConspiracyWrapper = isWrapped && reading.wrappers.some((w) => !isAttemptWrapper(w) || object.code !== 'PC');
  let suffix = '';
  if (reading.isAttempt && objectKind !== 'attempt' && !hasAttemptWrapper) suffix += ' attempt';
  if (reading.isConspiracy && objectKind !== 'conspiracy' && !hasConspiracyWrapper) suffix += ' conspiracy';
  const id = `${prefix} ${wrappers}${object.section}${subdivisionText(subdivisions)}${suffix}`;
  return Object.freeze({
    raw,
    recognised: true,
    code: object.code,
    title: object.title,
    section: object.section,
    subdivisions: Object.freeze(subdivisions) as unknown as string[],
    id,
    degree: reading.tail.length > 0 ? readDegree(reading.tail) : null,
    isAttempt: reading.isAttempt,
    isConspiracy: reading.isConspiracy,
    isEnhancement: isEnhancementOf(prefix, object.section, subdivisions),
  });
};

/**
 * A bounded two-generation cache per jurisdiction (about LRU): hits cost one Map lookup and no
 * allocation; when the young generation fills, the old one is dropped. Results are frozen, so
 * sharing them is safe, and deterministic, so the cache changes nothing but speed.
 */
const GENERATION_SIZE = 5_000;
type Generations = { young: Map<string, CanonicalStatute>; old: Map<string, CanonicalStatute> };
const CACHE: Record<StatuteJurisdiction, Generations> = {
  CA: { young: new Map(), old: new Map() },
  US: { young: new Map(), old: new Map() },
};

export const normalizeStatute = (raw: string, jurisdiction: StatuteJurisdiction): CanonicalStatute => {
  const cache = CACHE[jurisdiction];
  const hit = cache.young.get(raw);
  if (hit !== undefined) return hit;
  const result = cache.old.get(raw) ?? normalizeStatuteUncached(raw, jurisdiction);
  if (cache.young.size >= GENERATION_SIZE) {
    cache.old = cache.young;
    cache.young = new Map();
  }
  cache.young.set(raw, result);
  return result;
};
