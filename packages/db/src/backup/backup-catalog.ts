import type { SqlRunner } from '../open-database.js';

/**
 * What a backup copies, read from the catalog rather than listed by hand, so a table added by a later
 * migration is included without anyone remembering to. Everything in the `public` schema except the
 * migration bookkeeping (compared, not copied). pg-boss keeps its transient jobs in its own schema,
 * which is left out.
 */
export type TableInfo = {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** Columns a row can be inserted into (generated columns are computed again). */
  insertColumns: string[];
  primaryKey: string[];
  hasIdentityAlways: boolean;
};

export type Catalog = {
  /** Parents before children. */
  tables: TableInfo[];
  /** child -> parents it references (other tables only). */
  references: Map<string, Set<string>>;
  sequences: string[];
};

const EXCLUDED_TABLES = new Set(['schema_migrations']);

export const readCatalog = async (run: SqlRunner): Promise<Catalog> => {
  const { rows: columnRows } = await run(
    `SELECT c.relname AS table_name, a.attname AS column_name, a.attgenerated::text AS generated,
            a.attidentity::text AS identity
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: keyRows } = await run(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum
      WHERE n.nspname = 'public' AND k.contype = 'p'
      ORDER BY c.relname, key.position`,
  );
  const { rows: referenceRows } = await run(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_namespace cn ON cn.oid = child.relnamespace
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace pn ON pn.oid = parent.relnamespace
      WHERE k.contype = 'f' AND cn.nspname = 'public' AND pn.nspname = 'public'`,
  );
  const { rows: sequenceRows } = await run(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );

  const byName = new Map<string, TableInfo>();
  for (const r of columnRows) {
    const name = String(r.table_name);
    if (EXCLUDED_TABLES.has(name)) continue;
    let info = byName.get(name);
    if (!info) {
      info = { name, columns: [], insertColumns: [], primaryKey: [], hasIdentityAlways: false };
      byName.set(name, info);
    }
    const column = String(r.column_name);
    info.columns.push(column);
    if (!r.generated) info.insertColumns.push(column);
    if (r.identity === 'a') info.hasIdentityAlways = true;
  }
  for (const r of keyRows) byName.get(String(r.table_name))?.primaryKey.push(String(r.column_name));

  const references = new Map<string, Set<string>>();
  for (const r of referenceRows) {
    const child = String(r.child);
    const parent = String(r.parent);
    if (child === parent || !byName.has(child) || !byName.has(parent)) continue;
    const set = references.get(child) ?? new Set<string>();
    set.add(parent);
    references.set(child, set);
  }
  const order = dependencyOrder([...byName.keys()], references);
  return {
    tables: order.map((name) => byName.get(name) as TableInfo),
    references,
    sequences: sequenceRows.map((r) => String(r.name)),
  };
};

/**
 * Parents before children, ties by name so the order is stable. Tables caught in a reference cycle
 * come last, by name: their constraints must be DEFERRABLE for a restore to succeed (restore defers
 * every deferrable constraint to the commit).
 */
export const dependencyOrder = (names: string[], references: Map<string, Set<string>>): string[] => {
  const remaining = new Set(names);
  const order: string[] = [];
  for (;;) {
    const ready = [...remaining].filter((n) => [...(references.get(n) ?? [])].every((p) => !remaining.has(p))).sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      order.push(n);
      remaining.delete(n);
    }
  }
  return [...order, ...[...remaining].sort()];
};
