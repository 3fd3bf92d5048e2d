/**
 * The audit log is a hash chain: each entry's hash covers its own content and the previous entry's
 * hash, so changing, removing or reordering any entry breaks every link after it. The hash function is
 * injected (the core does no I/O and has no crypto of its own).
 */
export type AuditContent = {
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

export type ChainedAuditEntry = AuditContent & { prevHash: string; hash: string };

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export const chainInput = (prevHash: string, content: AuditContent): string => `${prevHash}\n${canonicalJson(content)}`;

export type ChainBreak = {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
  message: string;
};

export type ChainVerifier = {
  /** Feed entries in sequence order; returns the first break, then keeps returning it. */
  push(entry: ChainedAuditEntry): ChainBreak | null;
  readonly checked: number;
  readonly lastHash: string;
};

export const createChainVerifier = (sha256Hex: (input: string) => string): ChainVerifier => {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let broken: ChainBreak | null = null;
  return {
    push(entry) {
      if (broken) return broken;
      const { prevHash, hash, ...content } = entry;
      if (entry.seq !== expectedSeq) {
        broken = {
          seq: entry.seq,
          reason: 'sequence_gap',
          message: `entry ${expectedSeq} is missing (next present is ${entry.seq})`,
        };
      } else if (prevHash !== prev) {
        broken = {
          seq: entry.seq,
          reason: 'prev_hash_mismatch',
          message: `entry ${entry.seq} does not follow the entry before it (an entry was removed, reordered or rewritten)`,
        };
      } else if (sha256Hex(chainInput(prevHash, content)) !== hash) {
        broken = {
          seq: entry.seq,
          reason: 'hash_mismatch',
          message: `entry ${entry.seq} was altered after it was written`,
        };
      }
      if (broken) return broken;
      prev = hash;
      expectedSeq = entry.seq + 1;
      checked += 1;
      return null;
    },
    get checked() {
      return checked;
    },
    get lastHash() {
      return prev;
    },
  };
};
