import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { CopyValue } from '../../../components/copy-value';

type RecoveryCodesPanelProps = {
  codes: readonly string[];
  onConfirm: () => void;
  /** The panel sits under a page heading (enrolment) or a section heading (security page). */
  headingOrder: 2 | 3;
};

const download = (text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'redress-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
};

export function RecoveryCodesPanel({ codes, onConfirm, headingOrder }: RecoveryCodesPanelProps) {
  const text = codes.join('\n');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={headingOrder} size="h4">
          Save your recovery codes
        </Title>
        <Text>
          Two-factor authentication is on. If you lose your authenticator, each of these codes lets you sign in once.
          Keep them somewhere safe, apart from your device. They will not be shown again.
        </Text>
        <CopyValue value={text} copyLabel="Copy codes" testId="recovery-codes" />
        <Group>
          <Button variant="outline" onClick={() => download(text)}>
            Download codes
          </Button>
          <Button onClick={onConfirm}>I have saved these codes</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
