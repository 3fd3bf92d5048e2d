import { Anchor, Button, Code, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useEnableTotp } from '../api/enable-totp';
import { useSetupTotp } from '../api/setup-totp';

const SIX_DIGITS = /^\d{6}$/;

type TotpEnrolmentProps = { onEnabled: (recoveryCodes: readonly string[]) => void };

export function TotpEnrolment({ onEnabled }: TotpEnrolmentProps) {
  const setup = useSetupTotp();
  const enable = useEnableTotp();
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...serverFieldErrors(enable.error), ...clientErrors };

  if (!setup.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <FormAlert error={setup.error} title="Could not start the set-up" />
        <Text>
          You will need an authenticator app on your phone or computer, such as Aegis, Google Authenticator, 1Password
          or Microsoft Authenticator.
        </Text>
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          Set up two-factor authentication
        </Button>
      </Stack>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!SIX_DIGITS.test(trimmed)) {
      setClientErrors({ code: 'Enter the 6-digit code from your authenticator app' });
      return;
    }
    setClientErrors({});
    enable.mutate({ code: trimmed }, { onSuccess: (result) => onEnabled(result.recoveryCodes) });
  };

  const { qrSvg, secret, otpauthUrl } = setup.data;
  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>Scan this QR code with your authenticator app.</List.Item>
        <List.Item>Enter the 6-digit code the app shows to finish.</List.Item>
      </List>
      <Image
        src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`}
        alt="QR code for your authenticator app"
        w={200}
        h={200}
        fit="contain"
        bg="white"
      />
      <Text>
        Cannot scan it? Type this key into the app instead:{' '}
        <Code data-testid="totp-secret" fz="md" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        . On this device you can also <Anchor href={otpauthUrl}>open the key in an authenticator app</Anchor>.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={320}>
          <FormAlert error={enable.error} fields={['code']} title="Could not turn on two-factor authentication" />
          <TextInput
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
          />
          <Button type="submit" loading={enable.isPending}>
            Turn on two-factor authentication
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
