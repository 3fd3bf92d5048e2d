import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { migrate } from './migrate.js';
import { type Database, openDatabase } from './open-database.js';

/**
 * Test databases, fast: a migrated template is made once per test run, and each test file gets its
 * own clone (PGlite: a loaded copy of the dumped files; PostgreSQL: CREATE DATABASE ... TEMPLATE).
 * Which engine is chosen by TEST_ENGINE (pglite | postgres, with DATABASE_URL for the server).
 */
export type TestEngine = 'pglite' | 'postgres';

export const testEngine = (): TestEngine => (process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

const serverUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_ENGINE=postgres needs DATABASE_URL');
  return url;
};

const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export type TemplateRef = { engine: TestEngine; location: string };

/** Called once per run (vitest globalSetup). */
export const prepareTemplate = async (engine: TestEngine, pgliteDumpPath: string): Promise<TemplateRef> => {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    const dump = await db.dumpDataDir?.();
    await db.close();
    if (!dump) throw new Error('PGlite dump failed');
    writeFileSync(pgliteDumpPath, Buffer.from(await dump.arrayBuffer()));
    return { engine, location: pgliteDumpPath };
  }
  const name = `redress_template_${process.pid}`;
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  try {
    await admin.executeSql(`DROP DATABASE IF EXISTS ${name}`);
    await admin.executeSql(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const template = await openDatabase({ databaseUrl: withDatabaseName(serverUrl(), name), poolSize: 1 });
  await migrate(template);
  await template.close();
  return { engine, location: name };
};

export const dropTemplate = async (ref: TemplateRef) => {
  if (ref.engine !== 'postgres') return;
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  try {
    await admin.executeSql(`DROP DATABASE IF EXISTS ${ref.location}`);
  } finally {
    await admin.close();
  }
};

export type TestDatabase = Database & { url?: string };

/** A fresh, migrated database for one test file; close() drops it. */
export const openTestDatabase = async (ref: TemplateRef): Promise<TestDatabase> => {
  if (ref.engine === 'pglite') {
    const blob = new Blob([readFileSync(ref.location)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
  }
  const name = `redress_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  try {
    // A backend that served the template may take a moment to exit after its client closed.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.executeSql(`CREATE DATABASE ${name} TEMPLATE ${ref.location}`);
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.close();
  }
  const url = withDatabaseName(serverUrl(), name);
  const db = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      const cleanup = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
      try {
        await cleanup.executeSql(`DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await cleanup.close();
      }
    },
  };
};
