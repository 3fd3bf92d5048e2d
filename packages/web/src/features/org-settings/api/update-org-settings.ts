import { OrgSettingsView, type UpdateOrgSettingsInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { sessionQueryKey } from '../../session/session-cache';
import { orgSettingsQueryKey } from './get-org-settings';

export const updateOrgSettings = (input: UpdateOrgSettingsInput) =>
  apiJson('/api/v1/org/settings', OrgSettingsView, { method: 'PATCH', body: input });

export const useUpdateOrgSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(orgSettingsQueryKey, settings);
      // The header shows the organisation name from the session, and 2FA rules may now differ.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
};
