// Bulk writes for the benchmarks, below the application: PostgreSQL's own COPY on both engines.
//
//   PostgreSQL  COPY ... FROM STDIN through the pg client: a small "submittable" query object that
//               sends the rows as CopyData messages (what pg-copy-streams does, which is not installed).
//   PGlite      COPY ... FROM '/dev/blob', PGlite's way of handing COPY a file from JavaScript.
//
// Rows are arrays of values written in COPY's text format (tab-separated, \N for null); `copy` takes
// the rows, or their text made beforehand with `copyText` (so a timed COPY times the database alone).
import { join, resolve } from 'node:path';
import { acquireDataDirLock } from '@redress/db';
import { loadPg } from '../support.mjs';

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const field = (value) => {
  if (value === null || value === undefined) return '\\N';
  if (value === true) return 't';
  if (value === false) return 'f';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
};

export const copyText = (rows) => {
  let text = '';
  for (const row of rows) text += `${row.map(field).join('\t')}\n`;
  return text;
};

const copyStatement = (table, columns, source) => `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

/** `COPY ... FROM STDIN` as a pg query object: resolves with the rows copied. */
class CopyFromStdin {
  constructor(text, chunks) {
    this.text = text;
    this.chunks = chunks;
    this.rowCount = null;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection) {
    const socket = connection.stream;
    (async () => {
      for (const chunk of this.chunks) {
        connection.sendCopyFromChunk(Buffer.from(chunk));
        if (socket.writableNeedDrain) await new Promise((r) => socket.once('drain', r));
      }
      connection.endCopyFrom();
    })().catch((error) => connection.sendCopyFail(String(error?.message ?? error)));
  }

  handleCommandComplete(message) {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    this.rowCount = match ? Number(match[1]) : null;
  }

  // The client drops the active query on an error message: no ReadyForQuery reaches it afterwards.
  handleError(error) {
    this.reject(error);
  }

  handleReadyForQuery() {
    this.resolve(this.rowCount);
  }

  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

const CHUNK_CHARS = 1 << 20;

const chunked = (text) => {
  const chunks = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
  return chunks;
};

/**
 * One connection to the benchmark's database, below the application: `query` (parameters), `exec`
 * (several statements), `copy(table, columns, rows)` and `close`. On PGlite it holds the data
 * directory's lock, as the server does, so the two can never open it at once.
 */
export const openTarget = async ({ dataDir, databaseUrl }) => {
  if (databaseUrl) {
    const pg = await loadPg();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      engine: 'postgres',
      copyMethod: 'COPY FROM STDIN (pg client)',
      query: async (text, params = []) => (await client.query(text, params)).rows,
      exec: async (text) => {
        await client.query(text);
      },
      copy: async (table, columns, rows) => {
        const text = typeof rows === 'string' ? rows : copyText(rows);
        const query = new CopyFromStdin(copyStatement(table, columns, 'STDIN'), chunked(text));
        client.query(query);
        return query.done;
      },
      close: () => client.end(),
    };
  }
  // Hoisted by the workspace install (a dependency of @redress/db), as the server packages are.
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const lock = acquireDataDirLock(resolve(dataDir));
  let db;
  try {
    db = await PGlite.create({ dataDir: join(resolve(dataDir), 'pglite'), extensions: { pg_trgm } });
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    engine: 'pglite',
    copyMethod: "COPY FROM '/dev/blob' (PGlite)",
    query: async (text, params = []) => (await db.query(text, params)).rows,
    exec: async (text) => {
      await db.exec(text);
    },
    copy: async (table, columns, rows) => {
      const text = typeof rows === 'string' ? rows : copyText(rows);
      const result = await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
      return result.affectedRows ?? null;
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
};
