import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UpdateVisitInput, VisitBody } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useUpdateVisit } from '../api/update-visit';
import { isoToLocal, localToIso } from '../labels';

export type VisitChangeKind = 'schedule' | 'deny' | 'cancel';

const SUBMIT_LABELS: Record<VisitChangeKind, string> = {
  schedule: 'Schedule visit',
  deny: 'Record denial',
  cancel: 'Cancel visit',
};

type ChangeVisitFormProps = {
  visit: VisitBody;
  kind: VisitChangeKind;
  onDone: () => void;
  onCancel: () => void;
};

/** The changes that need more than a click: a time to schedule, a reason to deny or cancel. */
export function ChangeVisitForm({ visit, kind, onDone, onCancel }: ChangeVisitFormProps) {
  const [start, setStart] = useState(isoToLocal(visit.scheduledStart));
  const [end, setEnd] = useState(isoToLocal(visit.scheduledEnd));
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useUpdateVisit(visit.personId);
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (field: string) => clientErrors[field] ?? serverErrors[field];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    let input: UpdateVisitInput;
    if (kind === 'schedule') {
      const startIso = localToIso(start);
      const endIso = end ? localToIso(end) : null;
      if (!startIso) found.scheduledStart = 'Give the day and time the facility set';
      if (end && !endIso) found.scheduledEnd = 'Give a day and time, or leave empty';
      input = {
        status: 'scheduled',
        ...(startIso ? { scheduledStart: startIso } : {}),
        ...(endIso ? { scheduledEnd: endIso } : {}),
      };
    } else {
      if (kind === 'deny' && !reason.trim()) found.reason = 'Say why the facility denied the visit';
      input = { status: kind === 'deny' ? 'denied' : 'cancelled', ...(reason.trim() ? { reason: reason.trim() } : {}) };
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate({ id: visit.id, input }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={SUBMIT_LABELS[kind]}>
      <Stack gap="md">
        <FormAlert
          error={mutation.error}
          fields={['scheduledStart', 'scheduledEnd', 'reason']}
          title="Could not change the visit"
        />
        <Text size="sm">
          {visit.facility?.name ?? 'Facility'}: {visit.purpose}
        </Text>
        {kind === 'schedule' ? (
          <>
            <TextInput
              type="datetime-local"
              label="Starts"
              required
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              error={errorOf('scheduledStart')}
            />
            <TextInput
              type="datetime-local"
              label="Ends"
              description="Leave empty for two hours after the start"
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              error={errorOf('scheduledEnd')}
            />
          </>
        ) : (
          <TextInput
            label="Reason"
            required={kind === 'deny'}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errorOf('reason')}
          />
        )}
        <Group>
          <Button type="submit" color={kind === 'schedule' ? undefined : 'red'} loading={mutation.isPending}>
            {SUBMIT_LABELS[kind]}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Back
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
