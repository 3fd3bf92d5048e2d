import { Button, Code, CopyButton, Group, Text } from '@mantine/core';

type CopyValueProps = {
  value: string;
  /** Names the copy button, e.g. "Copy link". */
  copyLabel: string;
  testId?: string;
};

/** A secret or link shown once, with a copy button; the text stays selectable for manual copying. */
export function CopyValue({ value, copyLabel, testId }: CopyValueProps) {
  return (
    <Group gap="sm" align="center" wrap="nowrap">
      <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <>
            <Button variant="outline" onClick={copy}>
              {copyLabel}
            </Button>
            <Text size="sm" role="status" miw={50}>
              {copied ? 'Copied' : ''}
            </Text>
          </>
        )}
      </CopyButton>
    </Group>
  );
}
