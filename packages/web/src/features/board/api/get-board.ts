import { BoardView, type MatterType } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const boardQueryKey = (type: MatterType) => ['board', type] as const;

export const getBoard = (type: MatterType, signal?: AbortSignal) =>
  apiJson(`/api/v1/board/${encodeURIComponent(type)}`, BoardView, {
    query: { status: 'open', limit: 100 },
    ...(signal ? { signal } : {}),
  });

export const boardQueryOptions = (type: MatterType) =>
  queryOptions({ queryKey: boardQueryKey(type), queryFn: ({ signal }) => getBoard(type, signal) });

export const useBoard = (type: MatterType) => useQuery(boardQueryOptions(type));
