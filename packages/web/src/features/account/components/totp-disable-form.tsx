import { Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useDisableTotp } from '../api/disable-totp';

const FIELDS = ['password', 'code'] as const;

export function TotpDisableForm() {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useDisableTotp();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    const problems: Record<string, string> = {};
    if (!password) problems.password = 'Enter your password';
    if (!/^\d{6}$/.test(trimmed)) problems.code = 'Enter the 6-digit code from your authenticator app';
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate({ password, code: trimmed });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not turn off two-factor authentication" />
        <TextInput
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <TextInput
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.code}
        />
        <Button type="submit" color="red" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          Turn off two-factor authentication
        </Button>
      </Stack>
    </form>
  );
}
