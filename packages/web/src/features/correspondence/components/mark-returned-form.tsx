import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { CorrespondenceBody } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { todayIso } from '../../screening/dates';
import { useUpdateCorrespondence } from '../api/update-correspondence';

type MarkReturnedFormProps = { letter: CorrespondenceBody; onDone: () => void; onCancel: () => void };

/** A letter the facility sent back: the reason is kept and the person's mail goes on hold. */
export function MarkReturnedForm({ letter, onDone, onCancel }: MarkReturnedFormProps) {
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayIso);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const mutation = useUpdateCorrespondence();
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError('Say why the letter came back (e.g. "transferred", "not at this address")');
      return;
    }
    setReasonError(undefined);
    mutation.mutate(
      { id: letter.id, input: { state: 'returned', reason: reason.trim(), ...(on ? { on } : {}) } },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Mark returned">
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['reason', 'on']} title="Could not mark the letter returned" />
        <Text size="sm">
          Mail that comes back usually means the person was moved. Their mail goes on hold until someone confirms the
          new address and releases the hold.
        </Text>
        <Text size="sm" fw={600}>
          {letter.summary}
        </Text>
        <TextInput
          label="Reason"
          required
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError ?? errors.reason}
        />
        <TextInput
          type="date"
          label="Returned on"
          value={on}
          onChange={(event) => setOn(event.currentTarget.value)}
          error={errors.on}
        />
        <Group>
          <Button type="submit" color="red" loading={mutation.isPending}>
            Mark returned
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
