import type { PeopleListQuery, PeopleSort, PersonSummary } from '@redress/core';
import { listCurrentPlacements, listIdentifiers, listPeople, type PeopleSortKey } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { failWith } from '../policy.js';
import { viewerOf } from './person-access.js';

/**
 * The people the caller may see, filtered, sorted and paged on the server. Sorted by a column, the
 * cursor carries the last row's sort key and id (keyset paging: stable while rows are added); sorted
 * by relevance, it carries the offset of the next page.
 */
type Cursor = { s: PeopleSort; k: string; i: string } | { s: 'relevance'; o: number };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const badCursor = () =>
  failWith('invalid', 'request.invalid', 'Some fields are not valid', {
    'query.cursor': 'Not a cursor from this list',
  });

const decodeCursor = (raw: string, sort: PeopleSort): Cursor => {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return badCursor();
  }
  const v = c as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || v.s !== sort) return badCursor();
  if (sort === 'relevance') {
    return typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 ? { s: 'relevance', o: v.o } : badCursor();
  }
  const isUuid = typeof v.i === 'string' && /^[0-9a-f-]{36}$/i.test(v.i);
  return typeof v.k === 'string' && v.k.length <= 400 && isUuid ? { s: sort, k: v.k, i: v.i as string } : badCursor();
};

export const listPeoplePage = async (deps: AppDeps, ctx: RequestContext, query: PeopleListQuery) => {
  const viewer = viewerOf(ctx);
  const sort: PeopleSort = query.sort ?? (query.name ? 'relevance' : 'name');
  const cursor = query.cursor !== undefined ? decodeCursor(query.cursor, sort) : null;
  const key = sort === 'relevance' ? 'relevance' : (sort.replace(/^-/, '') as PeopleSortKey);
  const offset = cursor && 'o' in cursor ? cursor.o : (query.offset ?? 0);
  const rows = await listPeople(deps.database.db, viewer, {
    statuses: query.status,
    name: query.name,
    identifier: query.identifier,
    facility: query.facility,
    sort: { key, isDescending: sort.startsWith('-') },
    after: cursor && 'k' in cursor ? { key: cursor.k, id: cursor.i } : undefined,
    offset,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const identifiers = await listIdentifiers(deps.database.db, ids);
  const placements = new Map((await listCurrentPlacements(deps.database.db, ids)).map((p) => [p.person_id, p]));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(
          sort === 'relevance'
            ? { s: 'relevance', o: offset + query.limit }
            : { s: sort, k: last.sort_key, i: last.id },
        )
      : null;
  const items: PersonSummary[] = page.map((r) => {
    const placement = placements.get(r.id);
    return {
      id: r.id,
      legalName: r.legal_name,
      dateOfBirth: r.date_of_birth,
      status: r.status,
      hasMailHold: r.mail_hold_since !== null,
      currentPlacement: placement
        ? { facilityName: placement.facility_name, housing: placement.housing, fromDate: placement.from_date }
        : null,
      identifiers: identifiers.filter((i) => i.person_id === r.id).map((i) => ({ system: i.system, value: i.value })),
      createdAt: r.created_at.toISOString(),
    };
  });
  return { items, nextCursor };
};
