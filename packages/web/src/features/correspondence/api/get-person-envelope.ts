import { EnvelopeView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from '../../person/api/get-person';

/** The envelope address block; 409 mail.hold while the person's mail is held. Under the person's key. */
export const getPersonEnvelope = (personId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/envelope`, EnvelopeView, signal ? { signal } : {});

export const personEnvelopeQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: [...personQueryKey(personId), 'envelope'],
    queryFn: ({ signal }) => getPersonEnvelope(personId, signal),
  });

export const usePersonEnvelope = (personId: string) => useQuery(personEnvelopeQueryOptions(personId));
