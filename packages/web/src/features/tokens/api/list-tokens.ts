import { TokenList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const tokensQueryKey = ['tokens'] as const;

export const listTokens = () => apiJson('/api/v1/tokens', TokenList);

export const tokensQueryOptions = () => queryOptions({ queryKey: tokensQueryKey, queryFn: listTokens });

export const useTokens = () => useQuery(tokensQueryOptions());
