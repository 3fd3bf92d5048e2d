import type { Engine } from '../open-database.js';

/**
 * A Redress backup is gzip-compressed JSON lines, optionally encrypted as a whole (see
 * backup-encryption.ts). Line by line:
 *
 *   {"format":"redress-backup","formatVersion":1,...}     header (BackupHeader)
 *   {"table":"users","columns":["id",...]}                 a table starts
 *   {"r":<row as PostgreSQL writes to_jsonb(row)::text>}   one line per row, primary-key order
 *   {"sequence":"name","lastValue":"42","isCalled":true}   sequence positions
 *   {"end":true,"rowCounts":{...},"sha256":"..."}          trailer
 *
 * The trailer's sha256 covers the exact bytes of every line before it, newlines included. Rows are
 * copied as PostgreSQL's own JSON text and never parsed into JavaScript numbers, so bigint and numeric
 * values of any size survive unchanged.
 */
export const BACKUP_FORMAT = 'redress-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  sourceEngine: Engine;
  /** Versions of the migrations applied to the source: the schema the rows belong to. */
  migrations: string[];
  /** Tables in foreign-key dependency order (parents first), as they appear in the archive. */
  tables: string[];
  /** Rows per table in the archive's snapshot (for progress; the trailer's counts are verified). */
  rowCounts: Record<string, number>;
  sequences: string[];
};

export type TableStart = { table: string; columns: string[] };
export type SequenceLine = { sequence: string; lastValue: string; isCalled: boolean };
export type BackupTrailer = { end: true; rowCounts: Record<string, number>; sha256: string };

export const ROW_PREFIX = '{"r":';

export const rowLine = (jsonText: string): string => `${ROW_PREFIX}${jsonText}}`;

export type BackupErrorCode =
  | 'not_a_backup'
  | 'unsupported_version'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'damaged'
  | 'not_migrated'
  | 'migrations_mismatch'
  | 'schema_mismatch'
  | 'not_empty'
  | 'broken_audit_chain'
  | 'invalid_option';

/** An expected refusal or a detected problem with an archive: the message is meant for people. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}

export type BackupProgress = {
  /** The table being copied (null once only sequences and the trailer remain). */
  table: string | null;
  rowsDone: number;
  rowsTotal: number;
};

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const qualified = (table: string): string => `public.${quoteIdent(table)}`;
