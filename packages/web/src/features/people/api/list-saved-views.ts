import { SavedViewList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export type SavedViewListName = 'people' | 'matters' | 'contacts' | 'tasks';

export const savedViewsQueryKey = (list: SavedViewListName) => ['saved-views', list] as const;

export const listSavedViews = (list: SavedViewListName) =>
  apiJson('/api/v1/saved-views', SavedViewList, { query: { list } });

export const savedViewsQueryOptions = (list: SavedViewListName) =>
  queryOptions({ queryKey: savedViewsQueryKey(list), queryFn: () => listSavedViews(list) });

export const useSavedViews = (list: SavedViewListName) => useQuery(savedViewsQueryOptions(list));
