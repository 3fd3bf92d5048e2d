import {
  ConflictCheckIdParam,
  ConflictCheckView,
  DecideConflictCheckInput,
  RunConflictCheckInput,
  SearchQuery,
  SearchResponse,
} from '@redress/core';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { decideConflictCheck } from '../use-cases/conflicts/decide-conflict-check.js';
import { getConflictCheck } from '../use-cases/conflicts/get-conflict-check.js';
import { runConflictCheck } from '../use-cases/conflicts/run-conflict-check.js';
import { searchEverything } from '../use-cases/search/search-everything.js';

const globalSearchRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/search',
    summary: 'Search people, matters, contacts and notes you may see, grouped by type',
    tags: ['search'],
    auth: 'user',
    query: SearchQuery,
    response: SearchResponse,
    errors: [400, 403],
    handler: ({ deps, ctx, query }) => searchEverything(deps, ctx, query),
  }),
];

const conflictCheckRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/conflict-checks',
    summary: 'Check a name for conflicts before adding a person, contact or party; the check is kept',
    tags: ['conflict checks'],
    auth: 'user',
    body: RunConflictCheckInput,
    response: ConflictCheckView,
    status: 201,
    errors: [400, 403],
    handler: ({ deps, ctx, body }) => runConflictCheck(deps, ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/conflict-checks/:id',
    summary: 'A conflict check as you may see it (its runner, attorneys and administrators)',
    tags: ['conflict checks'],
    auth: 'user',
    params: ConflictCheckIdParam,
    response: ConflictCheckView,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => getConflictCheck(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/conflict-checks/:id/decision',
    summary: 'Record the decision on a conflict check: no conflict, conflict waived, or conflict',
    tags: ['conflict checks'],
    auth: 'user',
    params: ConflictCheckIdParam,
    body: DecideConflictCheckInput,
    response: ConflictCheckView,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => decideConflictCheck(deps, ctx, params.id, body),
  }),
];

export const searchRoutes: AnyRoute[] = [...globalSearchRoutes, ...conflictCheckRoutes];
