import { Button, Stack, TextInput } from '@mantine/core';
import { LoginInput, type SessionView } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, issuesToFieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/login';

const FIELDS = ['email', 'password'] as const;

export function PasswordStep({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const loginMutation = useLogin();
  const errors: FieldErrors = { ...serverFieldErrors(loginMutation.error), ...clientErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = LoginInput.safeParse({ email, password });
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    loginMutation.mutate(parsed.data, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={loginMutation.error} fields={FIELDS} title="Could not sign in" />
        <TextInput
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <Button type="submit" loading={loginMutation.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
