import { Alert, Button, Stack, Text } from '@mantine/core';
import { describeError } from './form-alert';

type QueryErrorProps = { error: unknown; what: string; onRetry?: () => void };

export function QueryError({ error, what, onRetry }: QueryErrorProps) {
  return (
    <Alert color="red" title={`Could not load ${what}`} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
