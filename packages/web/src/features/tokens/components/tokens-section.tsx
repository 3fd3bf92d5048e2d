import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CopyValue } from '../../../components/copy-value';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { useTokens } from '../api/list-tokens';
import { CreateTokenForm } from './create-token-form';
import { TokenTable } from './token-table';

function NewTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-labelledby="new-token-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-token-heading">
          Copy your new token now
        </Title>
        <Text>This is the only time it is shown. Store it where the integration keeps its secrets.</Text>
        <CopyValue value={token} copyLabel="Copy token" testId="api-token" />
        <Button variant="default" onClick={onDone} style={{ alignSelf: 'flex-start' }}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}

export function TokensSection() {
  const tokens = useTokens();
  const [newToken, setNewToken] = useState<string | null>(null);

  return (
    <Stack component="section" gap="md" aria-labelledby="tokens-heading">
      <Title order={2} id="tokens-heading">
        API tokens
      </Title>
      <Text>
        Tokens let other software use Redress on your behalf. A token never grants more than your own role allows.
      </Text>
      {tokens.isPending && <PageLoader label="Loading your tokens" />}
      {tokens.isError && <QueryError error={tokens.error} what="your tokens" onRetry={() => void tokens.refetch()} />}
      {tokens.data &&
        (tokens.data.items.length > 0 ? (
          <TokenTable tokens={tokens.data.items} />
        ) : (
          <Text>You have no API tokens.</Text>
        ))}
      <Title order={3} size="h4">
        Create a token
      </Title>
      {newToken ? (
        <NewTokenNotice token={newToken} onDone={() => setNewToken(null)} />
      ) : (
        <CreateTokenForm onCreated={setNewToken} />
      )}
    </Stack>
  );
}
