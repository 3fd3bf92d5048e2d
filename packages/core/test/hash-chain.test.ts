import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditContent,
  type ChainBreak,
  type ChainedAuditEntry,
  canonicalJson,
  chainInput,
  createChainVerifier,
  GENESIS_HASH,
} from '../src/audit/hash-chain.js';

const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

/** Appends entries one by one, the way the audit log writes them. */
const buildChain = (contents: readonly AuditContent[]): ChainedAuditEntry[] => {
  const chain: ChainedAuditEntry[] = [];
  for (const content of contents) {
    const prevHash = chain.at(-1)?.hash ?? GENESIS_HASH;
    chain.push({ ...content, prevHash, hash: sha256Hex(chainInput(prevHash, content)) });
  }
  return chain;
};

/** Recomputes an entry's own hash after a rewrite, as a forger with write access to the table would. */
const rehash = (entry: ChainedAuditEntry): ChainedAuditEntry => {
  const { prevHash, hash: _old, ...content } = entry;
  return { ...entry, hash: sha256Hex(chainInput(prevHash, content)) };
};

type Verification = { firstBreak: ChainBreak | null; atIndex: number | null; checked: number; lastHash: string };

const verify = (entries: readonly ChainedAuditEntry[]): Verification => {
  const verifier = createChainVerifier(sha256Hex);
  let firstBreak: ChainBreak | null = null;
  let atIndex: number | null = null;
  entries.forEach((entry, index) => {
    const result = verifier.push(entry);
    if (result && firstBreak === null) {
      firstBreak = result;
      atIndex = index;
    }
  });
  return { firstBreak, atIndex, checked: verifier.checked, lastHash: verifier.lastHash };
};

const content = (seq: number, overrides: Partial<AuditContent> = {}): AuditContent => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
  actorId: '7b0e8c1e-3f5e-4b53-9d59-0c2a4d1f6a01',
  actorLabel: 'Ada Attorney',
  action: 'matter.update',
  entityType: 'matter',
  entityId: `matter-${seq}`,
  ip: '192.0.2.10',
  userAgent: 'Mozilla/5.0',
  requestId: `req-${seq}`,
  details: { field: 'status', from: 'intake', to: 'investigation', nested: { b: 2, a: [1, { y: true, x: null }] } },
  ...overrides,
});

const fiveEntries = () => buildChain([1, 2, 3, 4, 5].map((seq) => content(seq)));

describe('canonicalJson', () => {
  it('sorts object keys at every depth, including inside arrays', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: { q: 1, p: 2 } }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[{"y":{"p":2,"q":1},"z":1}]},"b":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('drops keys whose value is undefined, at every depth', () => {
    expect(canonicalJson({ a: undefined, b: { c: undefined, d: 1 } })).toBe('{"b":{"d":1}}');
  });

  it.each([
    ['null as null', null, 'null'],
    ['a string with its quotes escaped', 'text "quoted"', '"text \\"quoted\\""'],
    ['a number as is', 42, '42'],
    ['a boolean as is', true, 'true'],
    ['a bare undefined as null', undefined, 'null'],
    ['undefined inside an array as null', [undefined], '[null]'],
    ['an empty object as {}', {}, '{}'],
  ] as const)('writes %s', (_name, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  const reverseKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverseKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  };

  it('is the same whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is valid JSON that survives a round trip unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = canonicalJson(value);
        expect(canonicalJson(JSON.parse(json))).toBe(json);
      }),
    );
  });
});

describe('the audit hash chain', () => {
  it('verifies a chain built entry by entry', () => {
    const chain = fiveEntries();
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(verify(chain)).toEqual({
      firstBreak: null,
      atIndex: null,
      checked: 5,
      lastHash: chain.at(-1)?.hash,
    });
  });

  it('verifies an empty chain, whose head is the genesis hash', () => {
    expect(verify([])).toEqual({ firstBreak: null, atIndex: null, checked: 0, lastHash: GENESIS_HASH });
  });

  it('gives the same hash for the same content whatever the key order of its details', () => {
    const [a] = buildChain([content(1, { details: { x: 1, y: { p: 1, q: 2 } } })]);
    const [b] = buildChain([content(1, { details: { y: { q: 2, p: 1 }, x: 1 } })]);
    expect(a?.hash).toBe(b?.hash);
  });

  it('reports an entry altered after it was written at exactly that entry', () => {
    const chain = fiveEntries();
    chain[2] = { ...(chain[2] as ChainedAuditEntry), actorLabel: 'Someone Else' };
    expect(verify(chain)).toMatchObject({
      firstBreak: { seq: 3, reason: 'hash_mismatch' },
      atIndex: 2,
      checked: 2,
      lastHash: chain[1]?.hash,
    });
  });

  it('keeps reporting the first break for every later entry', () => {
    const chain = fiveEntries();
    chain[1] = { ...(chain[1] as ChainedAuditEntry), action: 'matter.delete' };
    const verifier = createChainVerifier(sha256Hex);
    const results = chain.map((entry) => verifier.push(entry));
    const firstBreak = { seq: 2, reason: 'hash_mismatch', message: 'entry 2 was altered after it was written' };
    expect(results).toEqual([null, firstBreak, firstBreak, firstBreak, firstBreak]);
    expect(verifier.checked).toBe(1);
  });

  it.each([
    ['the first entry', 0, 'entry 1 is missing (next present is 2)'],
    ['the second entry', 1, 'entry 2 is missing (next present is 3)'],
    ['a middle entry', 2, 'entry 3 is missing (next present is 4)'],
    ['the last-but-one entry', 3, 'entry 4 is missing (next present is 5)'],
  ] as const)('reports removing %s as a sequence gap at the entry that follows it', (_name, index, message) => {
    const chain = fiveEntries();
    chain.splice(index, 1);
    expect(verify(chain)).toMatchObject({
      firstBreak: { seq: index + 2, reason: 'sequence_gap', message },
      atIndex: index,
      checked: index,
    });
  });

  it('requires the chain to start at sequence number 1', () => {
    const startingAtTwo = buildChain([2, 3].map((seq) => content(seq)));
    expect(verify(startingAtTwo)).toMatchObject({ firstBreak: { seq: 2, reason: 'sequence_gap' }, atIndex: 0 });
  });

  it('cannot see the last entry removed on its own, but the head hash no longer matches', () => {
    const chain = fiveEntries();
    const head = chain.at(-1)?.hash;
    chain.pop();
    const result = verify(chain);
    expect(result.firstBreak).toBeNull();
    expect(result.lastHash).not.toBe(head);
  });

  it('reports two entries fed out of order as a sequence gap at the first of them', () => {
    const chain = fiveEntries();
    const [third, fourth] = [chain[2] as ChainedAuditEntry, chain[3] as ChainedAuditEntry];
    chain[2] = fourth;
    chain[3] = third;
    expect(verify(chain)).toMatchObject({ firstBreak: { seq: 4, reason: 'sequence_gap' }, atIndex: 2 });
  });

  it('reports two entries swapped and renumbered to hide the swap at the first of them', () => {
    const chain = fiveEntries();
    const [second, fourth] = [chain[1] as ChainedAuditEntry, chain[3] as ChainedAuditEntry];
    chain[1] = { ...fourth, seq: 2 };
    chain[3] = { ...second, seq: 4 };
    expect(verify(chain)).toMatchObject({ firstBreak: { seq: 2, reason: 'prev_hash_mismatch' }, atIndex: 1 });
  });

  it('catches an entry rewritten with its own hash recomputed at the NEXT entry', () => {
    const chain = fiveEntries();
    chain[2] = rehash({ ...(chain[2] as ChainedAuditEntry), details: { field: 'status', to: 'closed' } });
    expect(verify(chain)).toMatchObject({
      firstBreak: { seq: 4, reason: 'prev_hash_mismatch' },
      atIndex: 3,
      checked: 3,
    });
  });

  it('cannot see the last entry rewritten and rehashed on its own, but the head hash no longer matches', () => {
    const chain = fiveEntries();
    const head = chain.at(-1)?.hash;
    chain[4] = rehash({ ...(chain[4] as ChainedAuditEntry), actorId: null });
    const result = verify(chain);
    expect(result.firstBreak).toBeNull();
    expect(result.lastHash).not.toBe(head);
  });

  it('rejects a chain whose whole history was rehashed from a different genesis', () => {
    const forged = fiveEntries().map((entry) => ({ ...entry }));
    let prevHash = 'f'.repeat(64);
    for (const [i, entry] of forged.entries()) {
      forged[i] = rehash({ ...entry, prevHash });
      prevHash = forged[i]?.hash ?? prevHash;
    }
    expect(verify(forged)).toMatchObject({ firstBreak: { seq: 1, reason: 'prev_hash_mismatch' }, atIndex: 0 });
  });
});

describe('the audit hash chain, over random chains', () => {
  const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const contentArb = (seq: number): fc.Arbitrary<AuditContent> =>
    fc.record({
      seq: fc.constant(seq),
      at: fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      actorId: nullable(fc.uuid()),
      actorLabel: fc.string(),
      action: fc.string(),
      entityType: fc.string(),
      entityId: nullable(fc.string()),
      ip: nullable(fc.ipV4()),
      userAgent: nullable(fc.string()),
      requestId: nullable(fc.uuid()),
      details: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    });
  const chainArb = fc
    .integer({ min: 1, max: 8 })
    .chain((length) =>
      fc.tuple(...Array.from({ length }, (_, i) => contentArb(i + 1))).map((contents) => buildChain(contents)),
    );

  /** Each mutation changes one field of one entry to a value that is certainly different. */
  const different = (value: string | null) => (value === null ? '' : `${value}~`);
  const MUTATIONS = {
    at: (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1).toISOString() }),
    actorId: (e) => ({ ...e, actorId: different(e.actorId) }),
    actorLabel: (e) => ({ ...e, actorLabel: different(e.actorLabel) }),
    action: (e) => ({ ...e, action: different(e.action) }),
    entityType: (e) => ({ ...e, entityType: different(e.entityType) }),
    entityId: (e) => ({ ...e, entityId: different(e.entityId) }),
    ip: (e) => ({ ...e, ip: different(e.ip) }),
    userAgent: (e) => ({ ...e, userAgent: different(e.userAgent) }),
    requestId: (e) => ({ ...e, requestId: different(e.requestId) }),
    details: (e) => ({ ...e, details: { wrapped: e.details } }),
    hash: (e) => ({ ...e, hash: sha256Hex(e.hash) }),
  } satisfies Record<string, (entry: ChainedAuditEntry) => ChainedAuditEntry>;

  it('verifies every chain built entry by entry', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        expect(verify(chain)).toEqual({
          firstBreak: null,
          atIndex: null,
          checked: chain.length,
          lastHash: chain.at(-1)?.hash,
        });
      }),
    );
  });

  it('reports a change to any one field of any entry as hash_mismatch at exactly that entry', () => {
    fc.assert(
      fc.property(
        chainArb,
        fc.nat(),
        fc.constantFrom(...(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[])),
        (chain, pick, field) => {
          const index = pick % chain.length;
          const tampered = [...chain];
          tampered[index] = MUTATIONS[field](chain[index] as ChainedAuditEntry);
          expect(verify(tampered)).toMatchObject({
            firstBreak: { seq: chain[index]?.seq, reason: 'hash_mismatch' },
            atIndex: index,
            checked: index,
          });
        },
      ),
    );
  });

  it('reports a changed prevHash as prev_hash_mismatch at exactly that entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, pick) => {
        const index = pick % chain.length;
        const tampered = [...chain];
        const entry = chain[index] as ChainedAuditEntry;
        tampered[index] = { ...entry, prevHash: sha256Hex(entry.prevHash) };
        expect(verify(tampered)).toMatchObject({
          firstBreak: { seq: entry.seq, reason: 'prev_hash_mismatch' },
          atIndex: index,
        });
      }),
    );
  });

  it('reports a changed sequence number as a sequence gap at exactly that entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.integer({ min: 1, max: 10 }), (chain, pick, shift) => {
        const index = pick % chain.length;
        const tampered = [...chain];
        const entry = chain[index] as ChainedAuditEntry;
        tampered[index] = { ...entry, seq: entry.seq + shift };
        expect(verify(tampered)).toMatchObject({
          firstBreak: { seq: entry.seq + shift, reason: 'sequence_gap' },
          atIndex: index,
        });
      }),
    );
  });

  it('reports a removed entry that had a successor at the successor', () => {
    fc.assert(
      fc.property(
        chainArb.filter((c) => c.length >= 2),
        fc.nat(),
        (chain, pick) => {
          const index = pick % (chain.length - 1);
          const tampered = chain.filter((_, i) => i !== index);
          expect(verify(tampered)).toMatchObject({
            firstBreak: { seq: chain[index + 1]?.seq, reason: 'sequence_gap' },
            atIndex: index,
          });
        },
      ),
    );
  });

  it('catches any entry rewritten and rehashed at the entry after it', () => {
    fc.assert(
      fc.property(
        chainArb.filter((c) => c.length >= 2),
        fc.nat(),
        fc.constantFrom(...(Object.keys(MUTATIONS).filter((k) => k !== 'hash') as (keyof typeof MUTATIONS)[])),
        (chain, pick, field) => {
          const index = pick % (chain.length - 1);
          const tampered = [...chain];
          tampered[index] = rehash(MUTATIONS[field](chain[index] as ChainedAuditEntry));
          expect(verify(tampered)).toMatchObject({
            firstBreak: { seq: chain[index + 1]?.seq, reason: 'prev_hash_mismatch' },
            atIndex: index + 1,
          });
        },
      ),
    );
  });
});
