import { AuditPage } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type AuditSearch, toAuditQuery } from '../audit-search';

const PAGE_SIZE = 50;

export const listAudit = (search: AuditSearch, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson('/api/v1/audit', AuditPage, {
    query: { ...toAuditQuery(search), limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

export const auditQueryOptions = (search: AuditSearch) =>
  infiniteQueryOptions({
    queryKey: ['audit', search],
    queryFn: ({ pageParam, signal }) => listAudit(search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useAuditLog = (search: AuditSearch) => useInfiniteQuery(auditQueryOptions(search));
