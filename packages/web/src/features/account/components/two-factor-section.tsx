import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOrgSettings } from '../../org-settings/api/get-org-settings';
import { useSession } from '../../session/session-context';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { TotpDisableForm } from './totp-disable-form';
import { TotpEnrolment } from './totp-enrolment';

export function TwoFactorSection() {
  const { user } = useSession();
  const orgSettings = useOrgSettings();
  // Held here, above the enrolled/not-enrolled switch, so the codes stay up after the session refreshes.
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);

  if (recoveryCodes)
    return <RecoveryCodesPanel codes={recoveryCodes} onConfirm={() => setRecoveryCodes(null)} headingOrder={3} />;

  if (!user.hasTotp) {
    return (
      <Stack gap="sm">
        <Text>
          Two-factor authentication is <strong>off</strong>. With it on, signing in needs a code from your phone as well
          as your password.
        </Text>
        <TotpEnrolment onEnabled={setRecoveryCodes} />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text>
        Two-factor authentication is <strong>on</strong>.
      </Text>
      {orgSettings.data?.requireTotp ? (
        <Text>Your organisation requires two-factor authentication, so it cannot be turned off.</Text>
      ) : (
        <>
          <Text>To turn it off, confirm your password and a current code.</Text>
          <TotpDisableForm />
        </>
      )}
    </Stack>
  );
}
