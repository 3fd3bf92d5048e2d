import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { forgetSession } from '../session-cache';

export const logoutEverywhere = () =>
  apiSend('/api/v1/auth/logout-everywhere', { method: 'POST', isUnauthenticatedExpected: true });

export const useLogoutEverywhere = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logoutEverywhere,
    // Unlike a plain sign-out, a failure here must be visible: other devices may still be signed in.
    onSuccess: () => forgetSession(queryClient, 'signed-out'),
  });
};
