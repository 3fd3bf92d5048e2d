import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TokenView } from '@redress/core';
import { AppDialog } from '../../../components/app-dialog';
import { FormAlert } from '../../../components/form-alert';
import { useRevokeToken } from '../api/revoke-token';

export function RevokeTokenButton({ token }: { token: TokenView }) {
  const [isOpen, { open, close }] = useDisclosure(false);
  const mutation = useRevokeToken();

  const dismiss = () => {
    mutation.reset();
    close();
  };

  return (
    <>
      <Button size="xs" variant="outline" color="red" onClick={open}>
        Revoke<VisuallyHidden> token {token.name}</VisuallyHidden>
      </Button>
      {isOpen && (
        <AppDialog onClose={dismiss} title={`Revoke the token "${token.name}"?`}>
          <Stack gap="md">
            <Text>Anything using this token will stop working at once. This cannot be undone.</Text>
            <FormAlert error={mutation.error} title="Could not revoke the token" />
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={mutation.isPending}
                onClick={() => mutation.mutate(token.id, { onSuccess: close })}
              >
                Revoke token
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </>
  );
}
