import { csvChunks, EXPORT_FILES, type ExportFile, type ExportFormat, jsonArrayChunks } from '@redress/core';
import {
  type ContactExportRow,
  countContactsForExport,
  countMattersForExport,
  countPeopleForExport,
  type MatterExportRow,
  type PersonExportRow,
  pageContactsForExport,
  pageMattersForExport,
  pagePeopleForExport,
  type Viewer,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace } from '../policy.js';

export type ExportList = 'people' | 'matters' | 'contacts';

export type ExportDownload = {
  filename: string;
  contentType: string;
  rowCount: number;
  /** The file, produced as it is sent. */
  chunks: AsyncIterable<string>;
};

/**
 * The columns of each export: the import fields (so an export can be edited and imported back)
 * between the record's id and its timestamps. Victims and survivors (restricted fields) are never
 * part of an export, whoever asks.
 */
export const EXPORT_COLUMNS: Record<ExportList, readonly string[]> = {
  people: [
    'id',
    'external_id',
    'legal_name',
    'aliases',
    'date_of_birth',
    'gender',
    'preferred_language',
    'status',
    'cdcr_number',
    'bop_register_number',
    'county_booking_number',
    'phone',
    'email',
    'mailing_address',
    'notes',
    'created_at',
    'updated_at',
  ],
  matters: [
    'id',
    'external_id',
    'person_id',
    'person_external_id',
    'type',
    'title',
    'stage',
    'decision_maker',
    'opened_on',
    'closed_on',
    'outcome',
    'release_date',
    'created_at',
    'updated_at',
  ],
  contacts: [
    'id',
    'external_id',
    'kind',
    'name',
    'organisation',
    'title',
    'email',
    'phone',
    'address',
    'notes',
    'created_at',
    'updated_at',
  ],
};

const joined = (values: readonly string[]) => (values.length === 0 ? null : values.join('; '));

// Each record is built field by field from the columns above: nothing else of the row can leak.
const personRecord = (p: PersonExportRow) => {
  const identifier = (system: string) => joined(p.identifiers.filter((i) => i.system === system).map((i) => i.value));
  return {
    id: p.id,
    external_id: p.external_id,
    legal_name: p.legal_name,
    aliases: p.aliases,
    date_of_birth: p.date_of_birth,
    gender: p.gender,
    preferred_language: p.preferred_language,
    status: p.status,
    cdcr_number: identifier('cdcr'),
    bop_register_number: identifier('bop'),
    county_booking_number: identifier('county_booking'),
    phone: p.phone,
    email: p.email,
    mailing_address: p.mailing_address,
    notes: p.notes,
    created_at: p.created_at.toISOString(),
    updated_at: p.updated_at.toISOString(),
  };
};

const matterRecord = (m: MatterExportRow) => ({
  id: m.id,
  external_id: m.external_id,
  person_id: m.person_id,
  person_external_id: m.person_external_id,
  type: m.type,
  title: m.title,
  stage: m.stage,
  decision_maker: m.decision_maker,
  opened_on: m.opened_on,
  closed_on: m.closed_on,
  outcome: m.outcome,
  release_date: m.release_date,
  created_at: m.created_at.toISOString(),
  updated_at: m.updated_at.toISOString(),
});

const contactRecord = (c: ContactExportRow) => ({
  id: c.id,
  external_id: c.external_id,
  kind: c.kind,
  name: c.name,
  organisation: c.organisation,
  title: c.title,
  email: c.email,
  phone: c.phone,
  address: c.address,
  notes: c.notes,
  created_at: c.created_at.toISOString(),
  updated_at: c.updated_at.toISOString(),
});

async function* recordsOf(
  deps: Pick<AppDeps, 'database'>,
  list: ExportList,
  viewer: Viewer | null,
): AsyncGenerator<Record<string, unknown>> {
  const db = deps.database.db;
  if (list === 'people') for await (const page of pagePeopleForExport(db, viewer)) yield* page.map(personRecord);
  else if (list === 'matters') for await (const page of pageMattersForExport(db, viewer)) yield* page.map(matterRecord);
  else for await (const page of pageContactsForExport(db)) yield* page.map(contactRecord);
}

async function* csvCells(records: AsyncIterable<Record<string, unknown>>, columns: readonly string[]) {
  for await (const r of records) {
    yield columns.map((c) => {
      const v = r[c];
      return Array.isArray(v) ? joined(v as string[]) : v;
    });
  }
}

const countOf = (deps: Pick<AppDeps, 'database'>, list: ExportList, viewer: Viewer | null) =>
  list === 'people'
    ? countPeopleForExport(deps.database.db, viewer)
    : list === 'matters'
      ? countMattersForExport(deps.database.db, viewer)
      : countContactsForExport(deps.database.db);

export const parseExportFile = (file: ExportFile): { list: ExportList; format: ExportFormat } => {
  const [list, format] = file.split('.') as [ExportList, ExportFormat];
  return { list, format };
};

/**
 * Exports a list as CSV (every cell safe from formula injection) or JSON, with only the records the
 * user may see. Only the roles with export permission may; the export is audited (which list, which
 * format, how many rows) before the first byte leaves, so no export goes unrecorded.
 */
export const exportList = async (deps: AppDeps, ctx: RequestContext, file: ExportFile): Promise<ExportDownload> => {
  authorizeWorkspace(ctx, 'data.export');
  if (!EXPORT_FILES.includes(file)) throw new Error(`not an export: ${file}`);
  const { list, format } = parseExportFile(file);
  const viewer: Viewer | null = ctx.actor ? { userId: ctx.actor.userId, role: ctx.actor.role } : null;
  const rowCount = await countOf(deps, list, viewer);
  await inTransaction(deps, ctx, (_tx, audit) =>
    audit({ action: 'data.exported', entityType: list, entityId: null, details: { list, format, rowCount } }),
  );
  const records = recordsOf(deps, list, viewer);
  const day = deps.clock.now().toISOString().slice(0, 10);
  return {
    filename: `${list}-${day}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    rowCount,
    chunks:
      format === 'csv'
        ? csvChunks(EXPORT_COLUMNS[list], csvCells(records, EXPORT_COLUMNS[list]), { hasBom: true })
        : jsonArrayChunks(records),
  };
};
