import {
  CalendarFeedQuery,
  RecordedVisitBody,
  RecordVisitInput,
  RequestLetterInput,
  RequestVisitInput,
  UpdateVisitInput,
  VisitBody,
  VisitIdParam,
  VisitLetterBody,
  VisitListQuery,
  VisitPage,
} from '@redress/core';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { changeVisit } from '../use-cases/visits/change-visit.js';
import { getVisit, listVisits } from '../use-cases/visits/list-visits.js';
import { recordVisit } from '../use-cases/visits/record-visit.js';
import { requestVisit } from '../use-cases/visits/request-visit.js';
import { requestVisitLetter } from '../use-cases/visits/request-visit-letter.js';
import { visitsCalendar } from '../use-cases/visits/visits-calendar.js';

const tags = ['visits'];

export const visitsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/visits',
    summary: "Legal visits you may see, newest first: a person's (hidden person: 404), between two days",
    tags,
    auth: 'user',
    query: VisitListQuery,
    response: VisitPage,
    errors: [400, 404],
    handler: ({ deps, ctx, query }) => listVisits(deps, ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/visits',
    summary:
      "Request a legal visit (15 CCR § 3178): the person, the facility (their current one by default), visitors with capacities and the details the facility asks for (seen by the person's legal team only), purpose, proposed dates",
    tags,
    auth: 'user',
    body: RequestVisitInput,
    response: VisitBody,
    status: 201,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, body }) => requestVisit(deps, ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/visits/:id',
    summary: 'A visit with its visitors and record',
    tags,
    auth: 'user',
    params: VisitIdParam,
    response: VisitBody,
    errors: [404],
    handler: ({ deps, ctx, params }) => getVisit(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/visits/:id',
    summary:
      'Move a visit on: approved, denied (reason), scheduled (scheduledStart; again to reschedule), cancelled, requested again after a denial; 422 for a step the status does not allow',
    tags,
    auth: 'user',
    params: VisitIdParam,
    body: UpdateVisitInput,
    response: VisitBody,
    errors: [400, 403, 404, 422],
    handler: ({ deps, ctx, params, body }) => changeVisit(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/visits/:id/request-letter',
    summary:
      "The attorney-visit request letter to the facility, from the visitors' details; stored as a generated letter and logged as correspondence ready to print (the person's legal team)",
    tags,
    auth: 'user',
    params: VisitIdParam,
    body: RequestLetterInput.prefault({}),
    response: VisitLetterBody,
    status: 201,
    errors: [400, 403, 404, 409, 422],
    handler: ({ deps, ctx, params, body }) => requestVisitLetter(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/visits/:id/record',
    summary:
      "The visit record: start and end, who attended, privileged notes (the person's legal team), follow-up tasks on the visit's matter; the visit becomes held, all in one transaction",
    tags,
    auth: 'user',
    params: VisitIdParam,
    body: RecordVisitInput,
    response: RecordedVisitBody,
    errors: [400, 403, 404, 422],
    handler: ({ deps, ctx, params, body }) => recordVisit(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calendar/visits.ics',
    summary:
      'Scheduled and held visits you may see as an iCalendar feed, for a calendar app to subscribe to with an API token (Authorization: Bearer rdr_...)',
    tags: [...tags, 'calendar'],
    auth: 'user',
    query: CalendarFeedQuery,
    errors: [400, 404],
    handler: async ({ deps, ctx, query, reply }) => {
      const body = await visitsCalendar(deps, ctx, query);
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="visits.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  }),
];
