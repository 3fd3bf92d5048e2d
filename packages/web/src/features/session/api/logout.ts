import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { forgetSession } from '../session-cache';

export const logout = () => apiSend('/api/v1/auth/logout', { method: 'POST', isUnauthenticatedExpected: true });

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Forget locally even if the server call fails: the person asked to leave this device.
    onSettled: () => forgetSession(queryClient, 'signed-out'),
  });
};
