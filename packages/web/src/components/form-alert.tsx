import { Alert, List, Text } from '@mantine/core';
import { isApiError } from '../lib/api-client';
import { serverFieldErrors, unplacedFieldErrors } from '../lib/form-errors';
import { formatWait } from '../lib/format';

type FormAlertProps = {
  error: unknown;
  /** Fields the form shows errors next to; other server field errors are listed here. */
  fields?: readonly string[];
  title?: string;
};

export const describeError = (error: unknown): string => {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  if (error.status === 429 && error.retryAfterSeconds !== null) {
    return `${error.message} Try again in ${formatWait(error.retryAfterSeconds)}.`;
  }
  return error.message;
};

/** The form-level error: announced on appearance, and never hides a field error the form cannot place. */
export function FormAlert({ error, fields = [], title = 'That did not work' }: FormAlertProps) {
  if (!error) return null;
  const unplaced = unplacedFieldErrors(serverFieldErrors(error), fields);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {unplaced.length > 0 && (
        <List size="sm" mt="xs">
          {unplaced.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
