import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { usePageTitle } from '../../../lib/use-page-title';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { TotpEnrolment } from './totp-enrolment';

/** The only page open to someone whose organisation requires two-factor before anything else. */
export function TwoFactorEnrolmentPage() {
  usePageTitle('Set up two-factor authentication');
  const navigate = useNavigate();
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>Set up two-factor authentication</Title>
      {recoveryCodes ? (
        <RecoveryCodesPanel
          codes={recoveryCodes}
          onConfirm={() => void navigate({ to: '/', replace: true })}
          headingOrder={2}
        />
      ) : (
        <>
          <Text>
            Your organisation requires two-factor authentication. Set it up now to continue: from then on, signing in
            needs a code from your phone as well as your password.
          </Text>
          <TotpEnrolment onEnabled={setRecoveryCodes} />
        </>
      )}
    </Stack>
  );
}
