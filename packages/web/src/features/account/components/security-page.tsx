import { Divider, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../../lib/use-page-title';
import { TokensSection } from '../../tokens/components/tokens-section';
import { ChangePasswordForm } from './change-password-form';
import { TwoFactorSection } from './two-factor-section';

export function SecurityPage() {
  usePageTitle('Security');
  return (
    <Stack gap="xl" maw={960}>
      <Title order={1}>Security</Title>
      <Stack component="section" gap="md" aria-labelledby="password-heading">
        <Title order={2} id="password-heading">
          Password
        </Title>
        <ChangePasswordForm />
      </Stack>
      <Divider />
      <Stack component="section" gap="md" aria-labelledby="two-factor-heading">
        <Title order={2} id="two-factor-heading">
          Two-factor authentication
        </Title>
        <TwoFactorSection />
      </Stack>
      <Divider />
      <TokensSection />
    </Stack>
  );
}
