import { PublicIntakeAccepted, type PublicIntakeInput } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** The public form's submission: no sign-in, so no session and no CSRF token. */
export const submitPublicIntake = (input: PublicIntakeInput) =>
  apiJson('/api/v1/public/intake', PublicIntakeAccepted, {
    method: 'POST',
    body: input,
    isUnauthenticatedExpected: true,
  });

export const useSubmitPublicIntake = () => useMutation({ mutationFn: submitPublicIntake });
