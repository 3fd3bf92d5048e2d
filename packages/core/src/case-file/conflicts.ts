/**
 * The conflict check: before a person, contact or party is added, their name is compared with everyone
 * the organisation already has a duty towards or against (victims and survivors, co-defendants, adverse
 * parties, clients, contacts), and the matters involved are listed.
 *
 * The database finds the candidates (pg_trgm); this module merges and ranks them, and decides what the
 * user who ran the check may learn. A check is stored whole (restricted names included) and presented
 * to each reader afresh, so an attorney reviewing a paralegal's check sees what the attorney may see.
 */

export const CONFLICT_KINDS = ['victim', 'survivor', 'co_defendant', 'adverse_party', 'client', 'contact'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  victim: 'Victim',
  survivor: 'Survivor',
  co_defendant: 'Co-defendant',
  adverse_party: 'Adverse party',
  client: 'Client',
  contact: 'Contact',
};

/** Victims and survivors are restricted fields: only the legal team of one of the matters sees their names. */
export const RESTRICTED_CONFLICT_KINDS: ReadonlySet<ConflictKind> = new Set(['victim', 'survivor']);
export const isRestrictedConflictKind = (kind: ConflictKind): boolean => RESTRICTED_CONFLICT_KINDS.has(kind);

/**
 * pg_trgm similarity from which a name is reported. 0.45 catches one or two wrong letters in a full
 * name ("Kevin Coopper" against "Kevin Cooper" is 0.8), a missing middle name and "Last, First"; a
 * first name typed alone still meets people of that first name with a short surname ("Kevin" against
 * "Kevin Cooper" is 0.46), which errs on the side of a second look.
 */
export const CONFLICT_SIMILARITY_THRESHOLD = 0.45;

/** At most this many matches are kept per check (the strongest first). */
export const CONFLICT_MATCH_LIMIT = 50;

export type ConflictMatterRef = { id: string; title: string };

/** One record the database found for a checked name, before merging. */
export type ConflictCandidate = {
  kind: ConflictKind;
  /** The conviction party, matter party, person or contact row. */
  recordId: string;
  /** The record's name as written (for a client, the legal name). */
  name: string;
  /** Its searchable form (core `normaliseName`), used to merge repeated entries. */
  nameSearch: string;
  /** Set when an alias, not the name itself, matched. */
  matchedAlias?: string | undefined;
  similarity: number;
  /** The client, or the person whose conviction names the party. */
  personId?: string | undefined;
  contactId?: string | undefined;
  isSameDateOfBirth?: boolean | undefined;
  matters: readonly ConflictMatterRef[];
};

/** What is stored with a check: everything found, restricted names included. */
export type StoredConflictMatch = {
  kind: ConflictKind;
  name: string;
  matchedAlias?: string | undefined;
  similarity: number;
  personId?: string | undefined;
  contactId?: string | undefined;
  isSameDateOfBirth: boolean;
  matters: ConflictMatterRef[];
};

/** A matter as a match shows it to one reader: the title only if the reader may see the matter. */
export type ConflictMatterView = {
  id: string;
  title: string | null;
  isVisible: boolean;
  /** What to show: the title, or a short reference to a matter the reader cannot open. */
  label: string;
};

/** A match as one reader may see it. */
export type ConflictMatch = {
  kind: ConflictKind;
  /** Null when withheld: a victim or survivor, and the reader is not on the legal team of its matters. */
  name: string | null;
  /** What to show: the name, or "Restricted party" when it is withheld. */
  label: string;
  isRestricted: boolean;
  isNameWithheld: boolean;
  matchedAlias?: string | undefined;
  /** 0 to 1; rounded to one decimal when the name is withheld, so repeated checks cannot home in on it. */
  similarity: number;
  /** Only when the reader may see the person. */
  personId?: string | undefined;
  contactId?: string | undefined;
  isSameDateOfBirth: boolean;
  matters: ConflictMatterView[];
  /** One readable line for the user. */
  summary: string;
};

/** How the reader stands to the records of a check; `null` is the operator at the command line (sees all). */
export type ConflictReaderAccess = {
  visibleMatterIds: ReadonlySet<string>;
  legalTeamMatterIds: ReadonlySet<string>;
  visiblePersonIds: ReadonlySet<string>;
} | null;

const KIND_ORDER: Record<ConflictKind, number> = {
  victim: 0,
  survivor: 1,
  co_defendant: 2,
  adverse_party: 3,
  client: 4,
  contact: 5,
};

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Which candidates are one match: a client or contact is one record whichever of its names matched; a
 * victim, survivor or co-defendant named twice in one person's convictions is one party; an adverse
 * party of the same name on several matters is one party with several matters.
 */
const mergeKey = (c: ConflictCandidate): string => {
  switch (c.kind) {
    case 'client':
      return `client:${c.personId ?? c.recordId}`;
    case 'contact':
      return `contact:${c.contactId ?? c.recordId}`;
    case 'adverse_party':
      return `adverse_party:${c.nameSearch}`;
    default:
      return `${c.kind}:${c.personId ?? c.recordId}:${c.nameSearch}`;
  }
};

/** Same date of birth counts as much as a fifth of similarity when ordering matches (never shown). */
const rankOf = (m: StoredConflictMatch) => m.similarity + (m.isSameDateOfBirth ? 0.2 : 0);

/**
 * Merges the candidates into matches, drops those under the threshold, and orders them: the most
 * similar first (a shared date of birth lifts a client), then the more serious kind, then by name.
 */
export const mergeConflictCandidates = (
  candidates: readonly ConflictCandidate[],
  options: { threshold?: number; limit?: number } = {},
): StoredConflictMatch[] => {
  const threshold = options.threshold ?? CONFLICT_SIMILARITY_THRESHOLD;
  const merged = new Map<string, StoredConflictMatch>();
  for (const c of candidates) {
    if (!(c.similarity >= threshold)) continue;
    const key = mergeKey(c);
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, {
        kind: c.kind,
        name: c.name,
        ...(c.matchedAlias !== undefined ? { matchedAlias: c.matchedAlias } : {}),
        similarity: c.similarity,
        ...(c.personId !== undefined ? { personId: c.personId } : {}),
        ...(c.contactId !== undefined ? { contactId: c.contactId } : {}),
        isSameDateOfBirth: c.isSameDateOfBirth === true,
        matters: [...c.matters],
      });
      continue;
    }
    if (c.similarity > existing.similarity) {
      existing.similarity = c.similarity;
      existing.name = c.name;
      if (c.matchedAlias !== undefined) existing.matchedAlias = c.matchedAlias;
      else delete existing.matchedAlias;
    }
    existing.isSameDateOfBirth ||= c.isSameDateOfBirth === true;
    const known = new Set(existing.matters.map((m) => m.id));
    for (const m of c.matters) if (!known.has(m.id)) existing.matters.push(m);
  }
  return [...merged.values()]
    .map((m) => ({ ...m, similarity: round(m.similarity, 3) }))
    .sort(
      (a, b) =>
        rankOf(b) - rankOf(a) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.name.localeCompare(b.name) ||
        (a.personId ?? a.contactId ?? '').localeCompare(b.personId ?? b.contactId ?? ''),
    )
    .slice(0, options.limit ?? CONFLICT_MATCH_LIMIT);
};

/**
 * The rule of what a reader may learn. A restricted party (victim or survivor) is always flagged,
 * with the matters it touches, but named only to the legal team of one of those matters (the people
 * who may read the person's restricted fields). A matter's title shows only to those who may see the
 * matter; a person's id only to those who may see the person.
 */
export const mayLearnRestrictedName = (match: Pick<StoredConflictMatch, 'matters'>, access: ConflictReaderAccess) =>
  access === null || match.matters.some((m) => access.legalTeamMatterIds.has(m.id));

const matterPhrase = (matters: readonly ConflictMatterView[]): string => {
  if (matters.length === 0) return "on a person's record with no matter";
  const named = matters.map((m) => (m.title !== null ? `"${m.title}"` : m.label));
  const shown = named.slice(0, 3).join(', ');
  const more = named.length > 3 ? ` and ${named.length - 3} more` : '';
  return `on ${matters.length === 1 ? 'matter' : 'matters'} ${shown}${more}`;
};

export const presentConflictMatch = (match: StoredConflictMatch, access: ConflictReaderAccess): ConflictMatch => {
  const matters: ConflictMatterView[] = match.matters.map((m) => {
    const isVisible = access === null || access.visibleMatterIds.has(m.id);
    return isVisible
      ? { id: m.id, title: m.title, isVisible, label: m.title }
      : { id: m.id, title: null, isVisible, label: `matter ${m.id.slice(0, 8)} (not visible to you)` };
  });
  const isRestricted = isRestrictedConflictKind(match.kind);
  const isNameWithheld = isRestricted && !mayLearnRestrictedName(match, access);
  const showPerson = match.personId !== undefined && (access === null || access.visiblePersonIds.has(match.personId));
  const similarity = isNameWithheld ? round(match.similarity, 1) : match.similarity;
  const summary = isNameWithheld
    ? `Possible conflict with a restricted party ${matterPhrase(matters)}`
    : `Possible conflict: ${CONFLICT_KIND_LABELS[match.kind].toLowerCase()} ${match.name}${
        match.matchedAlias !== undefined ? ` (also known as ${match.matchedAlias})` : ''
      }, ${Math.round(match.similarity * 100)}% similar, ${matterPhrase(matters)}`;
  return {
    kind: match.kind,
    name: isNameWithheld ? null : match.name,
    label: isNameWithheld ? 'Restricted party' : match.name,
    isRestricted,
    isNameWithheld,
    ...(match.matchedAlias !== undefined && !isNameWithheld ? { matchedAlias: match.matchedAlias } : {}),
    similarity,
    ...(showPerson ? { personId: match.personId } : {}),
    ...(match.contactId !== undefined ? { contactId: match.contactId } : {}),
    isSameDateOfBirth: match.isSameDateOfBirth,
    matters,
    summary,
  };
};

/** Every matter id a set of matches touches (what the reader's standing must be looked up for). */
export const conflictMatterIds = (matches: readonly StoredConflictMatch[]): string[] => [
  ...new Set(matches.flatMap((m) => m.matters.map((x) => x.id))),
];

/** Every person id a set of matches names. */
export const conflictPersonIds = (matches: readonly StoredConflictMatch[]): string[] => [
  ...new Set(matches.flatMap((m) => (m.personId !== undefined ? [m.personId] : []))),
];

export const CONFLICT_DECISIONS = ['no_conflict', 'conflict_waived', 'conflict'] as const;
export type ConflictDecision = (typeof CONFLICT_DECISIONS)[number];

export const CONFLICT_SUBJECT_KINDS = ['person', 'contact', 'party'] as const;
export type ConflictSubjectKind = (typeof CONFLICT_SUBJECT_KINDS)[number];

/** Counts for the audit entry: how many matches of each kind, never a name. */
export const countConflictKinds = (matches: readonly StoredConflictMatch[]): Partial<Record<ConflictKind, number>> => {
  const counts: Partial<Record<ConflictKind, number>> = {};
  for (const m of matches) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return counts;
};
