import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { checkNewPassword, NewPasswordFields, type NewPasswordValues } from '../../../components/new-password-fields';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const EMPTY: NewPasswordValues = { newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [values, setValues] = useState<NewPasswordValues>(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useChangePassword();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, string> = { ...checkNewPassword(values) };
    if (!currentPassword) problems.currentPassword = 'Enter your current password';
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate(
      { currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setValues(EMPTY);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not change the password" />
        {mutation.isSuccess && (
          <Text role="status" fw={600}>
            Your password has been changed. Your other sessions have been signed out.
          </Text>
        )}
        <TextInput
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={errors.currentPassword}
        />
        <NewPasswordFields values={values} onChange={setValues} errors={errors} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
