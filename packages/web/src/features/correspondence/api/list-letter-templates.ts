import { LetterTemplateList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const letterTemplatesQueryKey = ['letters', 'templates'] as const;

/** Every template with its merge fields and, per language, whether an uploaded version replaces the default. */
export const listLetterTemplates = (signal?: AbortSignal) =>
  apiJson('/api/v1/letters/templates', LetterTemplateList, signal ? { signal } : {});

export const letterTemplatesQueryOptions = () =>
  queryOptions({ queryKey: letterTemplatesQueryKey, queryFn: ({ signal }) => listLetterTemplates(signal) });

export const useLetterTemplates = () => useQuery(letterTemplatesQueryOptions());
