import { describe, expect, it } from 'vitest';
import {
  type ConflictCandidate,
  type ConflictReaderAccess,
  conflictMatterIds,
  conflictPersonIds,
  countConflictKinds,
  mayLearnRestrictedName,
  mergeConflictCandidates,
  presentConflictMatch,
  type StoredConflictMatch,
} from '../src/case-file/conflicts.js';
import { trigramSimilarity } from '../src/case-file/names.js';
import { DecideConflictCheckInput, RunConflictCheckInput } from '../src/schemas/search.schemas.js';

const M1 = { id: '11111111-1111-4111-8111-111111111111', title: 'Habeas: Kevin Cooper' };
const M2 = { id: '22222222-2222-4222-8222-222222222222', title: 'Commutation: Kevin Cooper' };
const M3 = { id: '33333333-3333-4333-8333-333333333333', title: 'Innocence: Rodney Reed' };
const P1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const P2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C1 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const candidate = (over: Partial<ConflictCandidate> & Pick<ConflictCandidate, 'kind'>): ConflictCandidate => ({
  recordId: crypto.randomUUID(),
  name: 'Jane Roe',
  nameSearch: 'jane roe',
  similarity: 0.8,
  matters: [],
  ...over,
});

const stored = (over: Partial<StoredConflictMatch> & Pick<StoredConflictMatch, 'kind'>): StoredConflictMatch => ({
  name: 'Jane Roe',
  similarity: 0.8,
  isSameDateOfBirth: false,
  matters: [],
  ...over,
});

const access = (
  a: { visible?: string[]; legal?: string[]; people?: string[] } = {},
): NonNullable<ConflictReaderAccess> => ({
  visibleMatterIds: new Set(a.visible ?? []),
  legalTeamMatterIds: new Set(a.legal ?? []),
  visiblePersonIds: new Set(a.people ?? []),
});

describe('the similarity threshold', () => {
  it.each([
    ['Kevin Coopper', 'Kevin Cooper', true],
    ['Cooper, Kevin', 'Kevin Cooper', true],
    ['Kevin J. Cooper', 'Kevin Cooper', true],
    ['Kevin Cooper', 'Rodney Reed', false],
    ['Kevin Cooper', 'Kevin Smithfield-Jones', false],
  ])('%s against %s is a match: %s', (a, b, isMatch) => {
    expect(trigramSimilarity(a, b) >= 0.45).toBe(isMatch);
  });
});

describe('mergeConflictCandidates', () => {
  it('drops candidates under the threshold and orders by similarity, then by the seriousness of the kind', () => {
    const merged = mergeConflictCandidates([
      candidate({ kind: 'contact', name: 'A', contactId: C1, similarity: 0.9 }),
      candidate({ kind: 'victim', name: 'B', personId: P1, similarity: 0.9 }),
      candidate({ kind: 'client', name: 'C', personId: P2, similarity: 0.95 }),
      candidate({ kind: 'adverse_party', name: 'D', nameSearch: 'd', similarity: 0.44 }),
    ]);
    expect(merged.map((m) => [m.kind, m.name])).toEqual([
      ['client', 'C'],
      ['victim', 'B'],
      ['contact', 'A'],
    ]);
  });

  it('makes one client match of a name and an alias, keeping the best similarity and the alias that gave it', () => {
    const merged = mergeConflictCandidates([
      candidate({ kind: 'client', name: 'Kevin Cooper', personId: P1, similarity: 0.6, matters: [M1] }),
      candidate({
        kind: 'client',
        name: 'Kevin Cooper',
        personId: P1,
        matchedAlias: 'Kev Coopper',
        similarity: 0.9,
        matters: [M1, M2],
      }),
    ]);
    expect(merged).toEqual([
      {
        kind: 'client',
        name: 'Kevin Cooper',
        matchedAlias: 'Kev Coopper',
        similarity: 0.9,
        personId: P1,
        isSameDateOfBirth: false,
        matters: [M1, M2],
      },
    ]);
  });

  it('merges an adverse party named on several matters into one match listing them all', () => {
    const merged = mergeConflictCandidates([
      candidate({ kind: 'adverse_party', name: 'County DA', nameSearch: 'county da', matters: [M1] }),
      candidate({ kind: 'adverse_party', name: 'County D.A.', nameSearch: 'county da', matters: [M3] }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.matters).toEqual([M1, M3]);
  });

  it('keeps victims of different people apart, and one victim named in two convictions of one person together', () => {
    const merged = mergeConflictCandidates([
      candidate({ kind: 'victim', personId: P1, matters: [M1] }),
      candidate({ kind: 'victim', personId: P1, matters: [M1] }),
      candidate({ kind: 'victim', personId: P2, matters: [M3] }),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('lifts a client with the same date of birth above a slightly closer name', () => {
    const merged = mergeConflictCandidates([
      candidate({ kind: 'client', name: 'Closer', personId: P1, similarity: 0.7 }),
      candidate({ kind: 'client', name: 'Same birthday', personId: P2, similarity: 0.6, isSameDateOfBirth: true }),
    ]);
    expect(merged.map((m) => m.name)).toEqual(['Same birthday', 'Closer']);
  });

  it('rounds similarity to three decimals and keeps at most the limit', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      candidate({ kind: 'contact', contactId: `c${i}`, similarity: 0.5 + i / 1000 + 0.00001 }),
    );
    const merged = mergeConflictCandidates(many, { limit: 10 });
    expect(merged).toHaveLength(10);
    expect(merged[0]?.similarity).toBe(0.559);
  });
});

describe('what a reader may learn (presentConflictMatch)', () => {
  const victim = stored({ kind: 'victim', name: 'Jessica Ryen', similarity: 0.83, personId: P1, matters: [M1, M2] });

  it('flags a victim to a user outside the legal team without the name, its alias or the exact similarity', () => {
    const shown = presentConflictMatch({ ...victim, matchedAlias: 'Jessie' }, access({ visible: [M1.id] }));
    expect(shown).toMatchObject({
      kind: 'victim',
      name: null,
      label: 'Restricted party',
      isRestricted: true,
      isNameWithheld: true,
      similarity: 0.8,
    });
    expect(shown).not.toHaveProperty('matchedAlias');
    expect(shown).not.toHaveProperty('personId');
    expect(JSON.stringify(shown)).not.toContain('Jessica');
    expect(JSON.stringify(shown)).not.toContain('Jessie');
    expect(shown.summary).toBe(
      `Possible conflict with a restricted party on matters "${M1.title}", matter ${M2.id.slice(0, 8)} (not visible to you)`,
    );
  });

  it("names the victim to the legal team of one of the person's matters", () => {
    const shown = presentConflictMatch(victim, access({ visible: [M1.id, M2.id], legal: [M2.id], people: [P1] }));
    expect(shown).toMatchObject({
      name: 'Jessica Ryen',
      label: 'Jessica Ryen',
      isNameWithheld: false,
      similarity: 0.83,
    });
    expect(shown.personId).toBe(P1);
    expect(shown.summary).toContain('victim Jessica Ryen, 83% similar');
  });

  it('withholds a survivor the same way, even from an administrator who sees every matter', () => {
    const survivor = stored({ kind: 'survivor', name: 'Sam Doe', matters: [M3] });
    const shown = presentConflictMatch(survivor, access({ visible: [M3.id], people: [P1] }));
    expect(shown.name).toBeNull();
    expect(shown.matters).toEqual([{ ...M3, isVisible: true, label: M3.title }]);
  });

  it('withholds a victim whose person has no matter from everyone but the operator', () => {
    const orphan = stored({ kind: 'victim', name: 'Nobody Known', matters: [] });
    expect(presentConflictMatch(orphan, access()).name).toBeNull();
    expect(presentConflictMatch(orphan, access()).summary).toBe(
      "Possible conflict with a restricted party on a person's record with no matter",
    );
    expect(presentConflictMatch(orphan, null).name).toBe('Nobody Known');
  });

  it('names co-defendants, adverse parties, clients and contacts, but hides titles and people the reader cannot see', () => {
    const coDefendant = stored({ kind: 'co_defendant', name: 'Rick Roe', personId: P2, matters: [M3] });
    const shown = presentConflictMatch(coDefendant, access());
    expect(shown).toMatchObject({ name: 'Rick Roe', isRestricted: false, isNameWithheld: false });
    expect(shown.matters).toEqual([
      { id: M3.id, title: null, isVisible: false, label: `matter ${M3.id.slice(0, 8)} (not visible to you)` },
    ]);
    expect(shown).not.toHaveProperty('personId');
    expect(JSON.stringify(shown)).not.toContain('Rodney');
  });

  it('summarises many matters briefly', () => {
    const client = stored({
      kind: 'client',
      name: 'Kevin Cooper',
      matters: [M1, M2, M3, { id: '44444444-4444-4444-8444-444444444444', title: 'Fourth' }],
    });
    const all = access({ visible: [M1.id, M2.id, M3.id, '44444444-4444-4444-8444-444444444444'] });
    expect(presentConflictMatch(client, all).summary).toBe(
      `Possible conflict: client Kevin Cooper, 80% similar, on matters "${M1.title}", "${M2.title}", "${M3.title}" and 1 more`,
    );
  });

  it('mayLearnRestrictedName follows the legal team of any listed matter', () => {
    expect(mayLearnRestrictedName(victim, access({ legal: [M2.id] }))).toBe(true);
    expect(mayLearnRestrictedName(victim, access({ legal: [M3.id], visible: [M1.id, M2.id] }))).toBe(false);
  });
});

describe('helpers', () => {
  it('lists the matters and people a check touches, and counts kinds for the audit', () => {
    const matches = [
      stored({ kind: 'victim', personId: P1, matters: [M1, M2] }),
      stored({ kind: 'client', personId: P1, matters: [M2] }),
      stored({ kind: 'adverse_party', matters: [M3] }),
    ];
    expect(conflictMatterIds(matches)).toEqual([M1.id, M2.id, M3.id]);
    expect(conflictPersonIds(matches)).toEqual([P1]);
    expect(countConflictKinds(matches)).toEqual({ victim: 1, client: 1, adverse_party: 1 });
  });
});

describe('conflict check inputs', () => {
  it('needs a name of at least two letters and a real date of birth', () => {
    expect(RunConflictCheckInput.safeParse({ subjectKind: 'person', name: 'Al' }).success).toBe(true);
    expect(RunConflictCheckInput.safeParse({ subjectKind: 'person', name: 'A.' }).success).toBe(false);
    expect(RunConflictCheckInput.safeParse({ subjectKind: 'witness', name: 'Al Bo' }).success).toBe(false);
    expect(
      RunConflictCheckInput.safeParse({ subjectKind: 'party', name: 'Al Bo', dateOfBirth: '1990-02-30' }).success,
    ).toBe(false);
  });

  it('needs a note to waive a conflict', () => {
    expect(DecideConflictCheckInput.safeParse({ decision: 'no_conflict' }).success).toBe(true);
    expect(DecideConflictCheckInput.safeParse({ decision: 'conflict_waived', note: ' ' }).success).toBe(false);
    expect(DecideConflictCheckInput.safeParse({ decision: 'conflict_waived', note: 'Client consented' }).success).toBe(
      true,
    );
    expect(DecideConflictCheckInput.safeParse({ decision: 'maybe' }).success).toBe(false);
  });
});
