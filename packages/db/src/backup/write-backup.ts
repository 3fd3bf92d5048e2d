import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, SqlRunner } from '../open-database.js';
import { readCatalog, type TableInfo } from './backup-catalog.js';
import { createEncryptStream } from './backup-encryption.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupProgress,
  type BackupTrailer,
  qualified,
  quoteIdent,
  rowLine,
  type SequenceLine,
  type TableStart,
} from './backup-format.js';

export type WriteBackupOptions = {
  /** Encrypt the archive with this passphrase. */
  passphrase?: string;
  /**
   * The master key, carried inside an encrypted archive so that a move to a new server keeps encrypted
   * secrets readable. Refused without a passphrase: a plain archive never holds it.
   */
  masterKey?: Buffer | null;
  onProgress?: (progress: BackupProgress) => void;
  now?: Date;
  /** Rows fetched per round trip (bounded memory). */
  pageSize?: number;
};

export type BackupSummary = {
  header: BackupHeader;
  rowCounts: Record<string, number>;
  totalRows: number;
  sha256: string;
  isEncrypted: boolean;
  hasMasterKey: boolean;
};

const CURSOR = 'redress_backup_rows';

/** ORDER BY the primary key, or by the whole row for a table without one, so archives are repeatable. */
const orderOf = (t: TableInfo) => (t.primaryKey.length > 0 ? t.primaryKey.map(quoteIdent).join(', ') : '1');

/**
 * Writes a consistent archive of every table in the `public` schema to `output` (which it ends).
 * Everything is read in one REPEATABLE READ, READ ONLY transaction on one connection: the archive is a
 * single snapshot even while app servers keep writing (PostgreSQL). Rows are streamed through a cursor,
 * a page at a time, and pipeline back-pressure keeps memory bounded.
 */
export const writeBackup = async (
  database: Database,
  output: Writable,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> => {
  if (options.masterKey && !options.passphrase) {
    throw new BackupError('invalid_option', 'The master key is only ever written into an encrypted archive');
  }
  if (options.masterKey && options.masterKey.length !== 32) {
    throw new BackupError('invalid_option', 'The master key must be 32 bytes');
  }
  const pageSize = options.pageSize ?? 500;
  const encrypt = options.passphrase ? await createEncryptStream(options.passphrase) : null;
  return database.withConnection(async (run) => {
    await run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      // Floats as their shortest exact text, whatever the server's default.
      await run('SET LOCAL extra_float_digits = 3');
      const summary = await streamArchive(run, database, output, encrypt, options, pageSize);
      await run('COMMIT');
      return summary;
    } catch (e) {
      await run('ROLLBACK').catch(() => {});
      output.destroy();
      throw e;
    }
  });
};

const streamArchive = async (
  run: SqlRunner,
  database: Database,
  output: Writable,
  encrypt: Awaited<ReturnType<typeof createEncryptStream>> | null,
  options: WriteBackupOptions,
  pageSize: number,
): Promise<BackupSummary> => {
  const catalog = await readCatalog(run);
  const { rows: migrationRows } = await run('SELECT version FROM schema_migrations ORDER BY version');
  const rowCounts: Record<string, number> = {};
  for (const t of catalog.tables) {
    const { rows } = await run(`SELECT count(*) AS n FROM ${qualified(t.name)}`);
    rowCounts[t.name] = Number(rows[0]?.n ?? 0);
  }
  const totalRows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    sourceEngine: database.engine,
    migrations: migrationRows.map((r) => String(r.version)),
    tables: catalog.tables.map((t) => t.name),
    rowCounts,
    sequences: catalog.sequences,
  };
  const hash = createHash('sha256');
  const written: Record<string, number> = {};
  let rowsDone = 0;

  async function* lines(): AsyncGenerator<string> {
    const headerLine = JSON.stringify(
      options.masterKey ? { ...header, masterKey: options.masterKey.toString('base64') } : header,
    );
    hash.update(`${headerLine}\n`);
    yield `${headerLine}\n`;
    for (const t of catalog.tables) {
      const start: TableStart = { table: t.name, columns: t.columns };
      const startLine = `${JSON.stringify(start)}\n`;
      hash.update(startLine);
      yield startLine;
      written[t.name] = 0;
      options.onProgress?.({ table: t.name, rowsDone, rowsTotal: totalRows });
      await run(
        `DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${qualified(t.name)} t ORDER BY ${orderOf(t)}`,
      );
      for (;;) {
        const { rows } = await run(`FETCH FORWARD ${pageSize} FROM ${CURSOR}`);
        if (rows.length === 0) break;
        let chunk = '';
        for (const r of rows) chunk += `${rowLine(String(r.j))}\n`;
        hash.update(chunk);
        written[t.name] = (written[t.name] ?? 0) + rows.length;
        rowsDone += rows.length;
        yield chunk;
        options.onProgress?.({ table: t.name, rowsDone, rowsTotal: totalRows });
        if (rows.length < pageSize) break;
      }
      await run(`CLOSE ${CURSOR}`);
    }
    for (const name of catalog.sequences) {
      const { rows } = await run(`SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`);
      const line: SequenceLine = {
        sequence: name,
        lastValue: String(rows[0]?.last_value),
        isCalled: rows[0]?.is_called === true,
      };
      const text = `${JSON.stringify(line)}\n`;
      hash.update(text);
      yield text;
    }
    options.onProgress?.({ table: null, rowsDone, rowsTotal: totalRows });
    const trailer: BackupTrailer = { end: true, rowCounts: written, sha256: hash.copy().digest('hex') };
    yield `${JSON.stringify(trailer)}\n`;
  }

  const gzip = createGzip({ level: 6 });
  if (encrypt) await pipeline(lines, gzip, encrypt, output);
  else await pipeline(lines, gzip, output);

  for (const t of catalog.tables) {
    // The snapshot cannot change under us; a difference would be a bug worth stopping for.
    if (written[t.name] !== rowCounts[t.name]) {
      throw new Error(`Backup of ${t.name} wrote ${written[t.name]} rows, expected ${rowCounts[t.name]}`);
    }
  }
  return {
    header,
    rowCounts: written,
    totalRows,
    sha256: hash.digest('hex'),
    isEncrypted: encrypt !== null,
    hasMasterKey: Boolean(options.masterKey),
  };
};
