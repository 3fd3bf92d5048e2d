import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { CopyValue } from '../../../components/copy-value';
import { formatDateTime } from '../../../lib/format';
import { absoluteLink, type IssuedLink } from './issued-link';

type IssuedLinkNoticeProps = { link: IssuedLink; onDone: () => void };

export function IssuedLinkNotice({ link, onDone }: IssuedLinkNoticeProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The notice appears after a form or dialog closes; moving focus here makes sure it is noticed.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const what = link.purpose === 'invite' ? 'set a password and sign in for the first time' : 'choose a new password';
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-labelledby="issued-link-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="issued-link-heading" ref={headingRef} tabIndex={-1}>
          {link.purpose === 'invite' ? `Sign-in link for ${link.name}` : `Password reset link for ${link.name}`}
        </Title>
        <Text>
          Give this link to {link.name} ({link.email}) in person or over a channel you trust. It lets them {what}. It
          works once and expires <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>. It will not be
          shown again.
        </Text>
        <CopyValue value={absoluteLink(link.url)} copyLabel="Copy link" testId="sign-in-link" />
        <Button variant="default" onClick={onDone} style={{ alignSelf: 'flex-start' }}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}
