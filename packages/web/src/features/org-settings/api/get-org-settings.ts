import { OrgSettingsView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const orgSettingsQueryKey = ['org-settings'] as const;

export const getOrgSettings = () => apiJson('/api/v1/org/settings', OrgSettingsView);

export const orgSettingsQueryOptions = () => queryOptions({ queryKey: orgSettingsQueryKey, queryFn: getOrgSettings });

export const useOrgSettings = () => useQuery(orgSettingsQueryOptions());
