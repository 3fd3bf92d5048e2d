import { Button, Stack } from '@mantine/core';
import type { SessionView } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { checkNewPassword, NewPasswordFields, type NewPasswordValues } from '../../../components/new-password-fields';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useRedeemSignInLink } from '../api/redeem-sign-in-link';

const FIELDS = ['newPassword', 'confirmPassword'] as const;

type RedeemLinkFormProps = { token: string; onSignedIn: (session: SessionView) => void };

export function RedeemLinkForm({ token, onSignedIn }: RedeemLinkFormProps) {
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmPassword: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useRedeemSignInLink();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkNewPassword(values);
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate({ token, newPassword: values.newPassword }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not set the password" />
        <NewPasswordFields values={values} onChange={setValues} errors={errors} />
        <Button type="submit" loading={mutation.isPending}>
          Set password and sign in
        </Button>
      </Stack>
    </form>
  );
}
