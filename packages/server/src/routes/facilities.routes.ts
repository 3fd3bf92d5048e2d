import {
  CreateFacilityInput,
  EnvelopeView,
  FacilityIdParam,
  FacilityListQuery,
  FacilityPage,
  FacilityView,
  PersonIdParam,
  UpdateFacilityInput,
} from '@redress/core';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { createFacility } from '../use-cases/facilities/create-facility.js';
import { getEnvelope } from '../use-cases/facilities/get-envelope.js';
import { getFacility } from '../use-cases/facilities/get-facility.js';
import { listFacilitiesPage } from '../use-cases/facilities/list-facilities.js';
import { updateFacility } from '../use-cases/facilities/update-facility.js';

const tags = ['facilities'];

export const facilitiesRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/facilities',
    summary: 'The facility directory (CDCR and BOP institutions and any added): filter by jurisdiction, kind, name',
    tags,
    auth: 'user',
    query: FacilityListQuery,
    response: FacilityPage,
    errors: [400],
    handler: ({ deps, ctx, query }) => listFacilitiesPage(deps, ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/facilities',
    summary: 'Add a facility to the directory (administrators)',
    tags,
    auth: 'user',
    body: CreateFacilityInput,
    response: FacilityView,
    status: 201,
    errors: [400, 403, 409],
    handler: ({ deps, ctx, body }) => createFacility(deps, ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/facilities/:id',
    summary: 'A facility: street address, mailing address for incarcerated people, visiting information',
    tags,
    auth: 'user',
    params: FacilityIdParam,
    response: FacilityView,
    errors: [404],
    handler: ({ deps, ctx, params }) => getFacility(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/facilities/:id',
    summary: 'Change a facility (administrators); the seeded directory no longer overwrites it',
    tags,
    auth: 'user',
    params: FacilityIdParam,
    body: UpdateFacilityInput,
    response: FacilityView,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => updateFacility(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/people/:id/envelope',
    summary:
      "The envelope address block for a person where they are held now, with the jurisdiction's legal-mail marking; " +
      '409 mail.hold while their mail is on hold, 422 when the record lacks an identifier, placement or mailing address',
    tags: ['people', ...tags],
    auth: 'user',
    params: PersonIdParam,
    response: EnvelopeView,
    errors: [404, 409, 422],
    handler: ({ deps, ctx, params }) => getEnvelope(deps, ctx, params.id),
  }),
];
