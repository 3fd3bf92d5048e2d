import { type ChainBreak, createChainVerifier } from '@redress/core';
import { sha256Hex, toChainedEntry } from '../audit-log.js';
import type { Database, SqlRunner } from '../open-database.js';
import { type Catalog, readCatalog, type TableInfo } from './backup-catalog.js';
import {
  BackupError,
  type BackupProgress,
  type BackupTrailer,
  qualified,
  quoteIdent,
  ROW_PREFIX,
  type SequenceLine,
  type TableStart,
} from './backup-format.js';
import type { BackupArchive } from './read-backup.js';

export type RestoreOptions = {
  onProgress?: (progress: BackupProgress) => void;
  /**
   * Runs once every check has passed, just before COMMIT (e.g. to put the archive's master key in
   * place). Throwing rolls the whole restore back.
   */
  beforeCommit?: () => Promise<void> | void;
  /** Restore even when the archive's audit chain does not verify (the break is still reported). */
  allowBrokenAuditChain?: boolean;
  /** Rows per INSERT, and an upper bound on a batch's JSON text. */
  batchRows?: number;
  batchBytes?: number;
};

export type RestoreSummary = {
  rowCounts: Record<string, number>;
  totalRows: number;
  sequences: number;
  /** null when the archive has no audit_log table. */
  auditChain: { ok: true; checked: number; lastHash: string } | { ok: false; firstBreak: ChainBreak } | null;
};

const damaged = (why: string) => new BackupError('damaged', `The archive is damaged (${why})`);
const ROW_PREFIX_BYTES = Buffer.from(ROW_PREFIX);
const CLOSING_BRACE = 0x7d;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const missingFrom = (list: readonly string[], from: readonly string[]) => list.filter((x) => !from.includes(x));

const checkMigrations = async (run: SqlRunner, archive: BackupArchive) => {
  const { rows: present } = await run(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`);
  if (!present[0]?.present) {
    throw new BackupError('not_migrated', 'The target database has no schema yet: run the migrations first');
  }
  const { rows } = await run('SELECT version FROM schema_migrations ORDER BY version');
  const target = rows.map((r) => String(r.version));
  const archived = archive.header.migrations;
  const onlyInArchive = missingFrom(archived, target);
  const onlyInTarget = missingFrom(target, archived);
  if (onlyInArchive.length > 0) {
    throw new BackupError(
      'migrations_mismatch',
      `The archive was made with migrations the target database lacks (${onlyInArchive.join(', ')}): ` +
        'restore with the version of Redress that made it, or a newer one',
    );
  }
  if (onlyInTarget.length > 0) {
    throw new BackupError(
      'migrations_mismatch',
      `The target database has migrations the archive lacks (${onlyInTarget.join(', ')}): restore into a database ` +
        `migrated only up to ${archived[archived.length - 1] ?? 'nothing'}, then migrate it forward`,
    );
  }
};

const checkSchema = (catalog: Catalog, archive: BackupArchive) => {
  const target = catalog.tables.map((t) => t.name);
  const archived = archive.header.tables;
  const onlyInArchive = missingFrom(archived, target);
  const onlyInTarget = missingFrom(target, archived);
  if (onlyInArchive.length > 0 || onlyInTarget.length > 0) {
    throw new BackupError(
      'schema_mismatch',
      `The archive's tables do not match the target database (${[
        ...onlyInArchive.map((t) => `${t} only in the archive`),
        ...onlyInTarget.map((t) => `${t} only in the target`),
      ].join(', ')})`,
    );
  }
  // Same migrations give the same foreign keys and so the same order; a difference means the schemas
  // differ in a way the migration list did not show.
  if (!sameList(archived, target)) {
    throw new BackupError(
      'schema_mismatch',
      `The archive's table order (${archived.join(', ')}) does not follow the target's foreign keys (${target.join(', ')})`,
    );
  }
  const missingSequences = missingFrom(archive.header.sequences, catalog.sequences);
  if (missingSequences.length > 0) {
    throw new BackupError('schema_mismatch', `The target database lacks the sequences ${missingSequences.join(', ')}`);
  }
};

const checkEmpty = async (run: SqlRunner, catalog: Catalog) => {
  for (const t of catalog.tables) {
    const { rows } = await run(`SELECT EXISTS (SELECT 1 FROM ${qualified(t.name)}) AS has_rows`);
    if (rows[0]?.has_rows) {
      throw new BackupError(
        'not_empty',
        `The target database is not empty (${t.name} has rows): restore only into a new, empty database`,
      );
    }
  }
};

const verifyChainWith = async (run: SqlRunner): Promise<RestoreSummary['auditChain']> => {
  const verifier = createChainVerifier(sha256Hex);
  let after = 0;
  for (;;) {
    const { rows } = await run('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000', [after]);
    for (const r of rows) {
      const broken = verifier.push(toChainedEntry(r as Parameters<typeof toChainedEntry>[0]));
      if (broken) return { ok: false, firstBreak: broken };
    }
    if (rows.length < 5000) break;
    after = Number(rows[rows.length - 1]?.seq);
  }
  return { ok: true, checked: verifier.checked, lastHash: verifier.lastHash };
};

/**
 * Loads an archive into an empty, migrated database of either engine, in ONE transaction: either
 * everything is restored, counted, checksummed and (for the audit log) chain-verified, or nothing is.
 * Tables go in foreign-key order, rows in batches through jsonb_populate_recordset, so every value is
 * converted by PostgreSQL's own input functions on the target.
 */
export const restoreBackup = async (
  database: Database,
  archive: BackupArchive,
  options: RestoreOptions = {},
): Promise<RestoreSummary> => {
  const batchRows = options.batchRows ?? 1000;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const { header } = archive;
  const totalRows = header.tables.reduce((sum, t) => sum + Number(header.rowCounts[t] ?? 0), 0);
  try {
    return await database.withConnection(async (run) => {
      await run('BEGIN');
      try {
        await checkMigrations(run, archive);
        const catalog = await readCatalog(run);
        checkSchema(catalog, archive);
        if (catalog.tables.length > 0) {
          // Nobody else writes (a server bootstrapping a workspace, say) between our check and commit.
          await run(`LOCK TABLE ${catalog.tables.map((t) => qualified(t.name)).join(', ')} IN EXCLUSIVE MODE`);
        }
        await checkEmpty(run, catalog);
        await run('SET CONSTRAINTS ALL DEFERRED');
        const summary = await loadBody(run, catalog, archive, options, { batchRows, batchBytes, totalRows }).catch(
          (e: unknown) => (e instanceof InsertFailure ? explainInsertFailure(archive, e) : Promise.reject(e)),
        );
        if (summary.auditChain && !summary.auditChain.ok && !options.allowBrokenAuditChain) {
          const b = summary.auditChain.firstBreak;
          throw new BackupError(
            'broken_audit_chain',
            `The archive's audit chain is broken at seq ${b.seq}: ${b.message}. Nothing was restored`,
          );
        }
        await options.beforeCommit?.();
        await run('COMMIT');
        return summary;
      } catch (e) {
        await run('ROLLBACK').catch(() => {});
        throw e;
      }
    });
  } finally {
    archive.close();
  }
};

/** PostgreSQL refused a batch: damage to the archive, or a real incompatibility. */
class InsertFailure extends Error {}

/**
 * After PostgreSQL refused a row, read the rest of the archive (without inserting) to tell damage
 * (checksum mismatch, unreadable compression) from a genuine problem with intact data.
 */
const explainInsertFailure = async (archive: BackupArchive, failure: InsertFailure): Promise<never> => {
  const END_PREFIX = Buffer.from('{"end":');
  for (;;) {
    const next = await archive.body.next();
    if (next.done) throw damaged('it ends without its trailer');
    const line = next.value;
    if (!line.subarray(0, END_PREFIX.length).equals(END_PREFIX)) {
      archive.hash.update(line).update('\n');
      continue;
    }
    let sha256: unknown;
    try {
      sha256 = (JSON.parse(line.toString('utf8')) as Partial<BackupTrailer>).sha256;
    } catch {
      throw damaged('an unreadable trailer');
    }
    if (archive.hash.digest('hex') !== sha256) throw damaged('checksum mismatch');
    throw new Error(failure.message);
  }
};

const loadBody = async (
  run: SqlRunner,
  catalog: Catalog,
  archive: BackupArchive,
  options: RestoreOptions,
  limits: { batchRows: number; batchBytes: number; totalRows: number },
): Promise<RestoreSummary> => {
  const { header, hash } = archive;
  const byName = new Map(catalog.tables.map((t) => [t.name, t]));
  const counts: Record<string, number> = {};
  let current: TableInfo | null = null;
  let nextTable = 0;
  let batch: string[] = [];
  let batchSize = 0;
  let rowsDone = 0;
  let sequences = 0;
  let trailer: BackupTrailer | null = null;

  const flush = async () => {
    if (!current || batch.length === 0) return;
    const t = current;
    const columns = t.insertColumns.map(quoteIdent).join(', ');
    try {
      await run(
        `INSERT INTO ${qualified(t.name)} (${columns})${t.hasIdentityAlways ? ' OVERRIDING SYSTEM VALUE' : ''}
         SELECT ${columns} FROM jsonb_populate_recordset(NULL::${qualified(t.name)}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
    } catch (e) {
      throw new InsertFailure(`Restoring ${t.name} failed: ${(e as Error).message}`);
    }
    rowsDone += batch.length;
    batch = [];
    batchSize = 0;
    options.onProgress?.({ table: t.name, rowsDone, rowsTotal: limits.totalRows });
  };

  const finishTable = async () => {
    await flush();
    if (!current) return;
    const { rows } = await run(`SELECT count(*) AS n FROM ${qualified(current.name)}`);
    if (Number(rows[0]?.n) !== counts[current.name]) {
      throw new Error(`Restoring ${current.name}: ${counts[current.name]} rows read but ${rows[0]?.n} in the table`);
    }
    current = null;
  };

  for (;;) {
    const next = await archive.body.next();
    if (next.done) break;
    const line = next.value;
    if (trailer) throw damaged('data after the trailer');
    if (line.subarray(0, ROW_PREFIX_BYTES.length).equals(ROW_PREFIX_BYTES)) {
      if (!current || line[line.length - 1] !== CLOSING_BRACE) throw damaged('a row outside a table');
      hash.update(line).update('\n');
      batch.push(line.toString('utf8', ROW_PREFIX_BYTES.length, line.length - 1));
      batchSize += line.length;
      counts[current.name] = (counts[current.name] ?? 0) + 1;
      if (batch.length >= limits.batchRows || batchSize >= limits.batchBytes) await flush();
      continue;
    }
    let parsed: Partial<TableStart & SequenceLine & BackupTrailer>;
    try {
      parsed = JSON.parse(line.toString('utf8'));
    } catch {
      throw damaged('an unreadable line');
    }
    if (parsed.end === true) {
      await finishTable();
      trailer = parsed as BackupTrailer;
      continue;
    }
    hash.update(line).update('\n');
    if (typeof parsed.table === 'string') {
      await finishTable();
      const expected = header.tables[nextTable++];
      const info = byName.get(parsed.table);
      if (parsed.table !== expected || !info) throw damaged(`unexpected table ${parsed.table}`);
      const archived = [...(parsed.columns ?? [])].sort();
      if (!sameList(archived, [...info.columns].sort())) {
        throw new BackupError(
          'schema_mismatch',
          `The columns of ${info.name} differ between the archive (${archived.join(', ')}) and the target database`,
        );
      }
      current = info;
      counts[info.name] = 0;
    } else if (typeof parsed.sequence === 'string') {
      await finishTable();
      if (!header.sequences.includes(parsed.sequence) || typeof parsed.lastValue !== 'string') {
        throw damaged(`unexpected sequence ${parsed.sequence}`);
      }
      await run('SELECT setval($1::regclass, $2::bigint, $3::boolean)', [
        `public.${quoteIdent(parsed.sequence)}`,
        parsed.lastValue,
        parsed.isCalled === true,
      ]);
      sequences += 1;
    } else {
      throw damaged('an unknown line');
    }
  }

  if (!trailer) throw damaged('it ends without its trailer');
  if (nextTable !== header.tables.length) throw damaged('tables are missing');
  if (sequences !== header.sequences.length) throw damaged('sequences are missing');
  for (const t of header.tables) {
    const read = counts[t] ?? 0;
    if (read !== Number(trailer.rowCounts?.[t]) || read !== Number(header.rowCounts[t])) {
      throw damaged(`${t} should have ${trailer.rowCounts?.[t]} rows, ${read} were read`);
    }
  }
  if (hash.digest('hex') !== trailer.sha256) throw damaged('checksum mismatch');

  const auditChain = byName.has('audit_log') ? await verifyChainWith(run) : null;
  return { rowCounts: counts, totalRows: rowsDone, sequences, auditChain };
};
