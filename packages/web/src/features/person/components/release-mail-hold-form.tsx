import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useReleaseMailHold } from '../api/release-mail-hold';

type ReleaseMailHoldFormProps = { personId: string; onDone: () => void; onCancel: () => void };

export function ReleaseMailHoldForm({ personId, onDone, onCancel }: ReleaseMailHoldFormProps) {
  const [confirmedOn, setConfirmedOn] = useState('');
  const mutation = useReleaseMailHold(personId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(confirmedOn ? { confirmedOn } : {}, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['confirmedOn']} title="Could not release the mail hold" />
        <TextInput
          label="Address confirmed on"
          description="Leave empty for today"
          type="date"
          value={confirmedOn}
          onChange={(event) => setConfirmedOn(event.currentTarget.value)}
          error={serverFieldErrors(mutation.error).confirmedOn}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Release mail hold
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
