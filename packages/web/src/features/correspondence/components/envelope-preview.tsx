import { Alert, Box, Stack, Text } from '@mantine/core';
import type { EnvelopeView } from '@redress/core';
import { describeError } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { isApiError } from '../../../lib/api-client';
import { usePersonEnvelope } from '../api/get-person-envelope';

/** The address block as it goes on the envelope, with the jurisdiction's legal-mail marking. */
export function EnvelopeFace({ envelope, isLegalMail = true }: { envelope: EnvelopeView; isLegalMail?: boolean }) {
  return (
    <Box
      data-testid="envelope-preview"
      p="md"
      style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 4, maxWidth: 520 }}
    >
      {isLegalMail && (
        <Text fw={700} tt="uppercase" size="sm" mb="sm" data-testid="envelope-marking">
          {envelope.legalMail.marking}
        </Text>
      )}
      <Box ml={{ base: 0, sm: 120 }}>
        {envelope.lines.map((line, index) => (
          // Lines of an address block can repeat (e.g. two blank housing lines); the index keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the block is read top to bottom and never reordered
          <Text key={index} ff="monospace" size="sm">
            {line}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

/** The person's envelope, or why there is none: a mail hold (409) or a record the mailroom cannot use (422). */
export function EnvelopePreview({ personId }: { personId: string }) {
  const envelope = usePersonEnvelope(personId);
  if (envelope.isPending) return <PageLoader label="Loading the envelope" />;
  if (envelope.isError) {
    const error = envelope.error;
    if (isApiError(error) && error.code === 'mail.hold') {
      return (
        <Alert color="red" title="No envelope while mail is on hold" data-testid="envelope-refused">
          <Text size="sm">{error.message}</Text>
        </Alert>
      );
    }
    return (
      <Alert color="blue" title="No envelope address yet" data-testid="envelope-refused">
        <Text size="sm">{describeError(error)}</Text>
      </Alert>
    );
  }
  const { legalMail } = envelope.data;
  return (
    <Stack gap="xs">
      <EnvelopeFace envelope={envelope.data} />
      <Text size="xs" c="dimmed">
        {legalMail.authority}. Return address: {legalMail.senderRule}
      </Text>
    </Stack>
  );
}
