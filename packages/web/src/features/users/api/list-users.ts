import { UserList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const usersQueryKey = ['users'] as const;

export const listUsers = () => apiJson('/api/v1/users', UserList);

export const usersQueryOptions = () => queryOptions({ queryKey: usersQueryKey, queryFn: listUsers });

export const useUsers = () => useQuery(usersQueryOptions());
