import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { SecondFactorInput, type SessionView } from '@redress/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, issuesToFieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useSubmitSecondFactor } from '../api/submit-second-factor';

type Mode = 'code' | 'recoveryCode';
const FIELDS = ['code', 'recoveryCode'] as const;

type SecondFactorStepProps = {
  onVerified: (session: SessionView) => void;
  onStartOver: () => void;
  isStartingOver: boolean;
};

export function SecondFactorStep({ onVerified, onStartOver, isStartingOver }: SecondFactorStepProps) {
  const [mode, setMode] = useState<Mode>('code');
  const [value, setValue] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useSubmitSecondFactor();
  const inputRef = useRef<HTMLInputElement>(null);
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  // The step replaces the password form (and each toggle swaps the field), so focus follows the field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the mode swaps the input
  useEffect(() => {
    inputRef.current?.focus();
  }, [mode]);

  const switchMode = () => {
    setMode(mode === 'code' ? 'recoveryCode' : 'code');
    setValue('');
    setClientErrors({});
    mutation.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = mode === 'code' ? { code: value.replace(/\s+/g, '') } : { recoveryCode: value };
    const parsed = SecondFactorInput.safeParse(input);
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, { onSuccess: onVerified });
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Two-factor authentication
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={mutation.error} fields={FIELDS} title="Could not verify" />
          {mode === 'code' ? (
            <TextInput
              ref={inputRef}
              key="code"
              label="Authentication code"
              description="The 6-digit code from your authenticator app."
              inputMode="numeric"
              autoComplete="one-time-code"
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={errors.code}
            />
          ) : (
            <TextInput
              ref={inputRef}
              key="recoveryCode"
              label="Recovery code"
              description="One of the codes you saved when you set up two-factor authentication, like abcde-12345."
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={errors.recoveryCode ?? errors.code}
            />
          )}
          <Button type="submit" loading={mutation.isPending}>
            Verify
          </Button>
        </Stack>
      </form>
      <Group justify="space-between" gap="xs">
        <Button variant="subtle" onClick={switchMode}>
          {mode === 'code' ? 'Use a recovery code instead' : 'Use your authenticator app instead'}
        </Button>
        <Button variant="subtle" onClick={onStartOver} loading={isStartingOver}>
          Start over
        </Button>
      </Group>
      <Text size="sm">Lost your device and your recovery codes? Ask an administrator to reset your account.</Text>
    </Stack>
  );
}
