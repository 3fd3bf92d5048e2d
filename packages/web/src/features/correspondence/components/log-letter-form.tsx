import { Button, Group, Input, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CHANNEL_LABELS,
  CORRESPONDENCE_CHANNELS,
  type CorrespondenceChannel,
  type CorrespondenceDirection,
  type LogCorrespondenceInput,
} from '@redress/core';
import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { todayIso } from '../../screening/dates';
import { useLogCorrespondence } from '../api/log-correspondence';
import { SCAN_ACCEPT } from './add-scan-form';

const FIELDS = ['direction', 'channel', 'on', 'summary', 'file'];

type LogLetterFormProps = { personId: string; onDone: () => void; onCancel: () => void };

/** A letter, call or video visit in or out, with the scan of a paper letter if there is one. */
export function LogLetterForm({ personId, onDone, onCancel }: LogLetterFormProps) {
  const [direction, setDirection] = useState<CorrespondenceDirection>('in');
  const [channel, setChannel] = useState<CorrespondenceChannel>('post');
  const [on, setOn] = useState(todayIso);
  const [summary, setSummary] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const mutation = useLogCorrespondence();
  const errors = serverFieldErrors(mutation.error);
  const fileId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!summary.trim()) {
      setSummaryError('Say what the letter said or was about');
      return;
    }
    setSummaryError(undefined);
    const input: LogCorrespondenceInput = { personId, direction, channel, summary: summary.trim() };
    if (on) input.on = on;
    mutation.mutate({ input, personId, scan }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Log a letter">
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not log the letter" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Direction"
            value={direction}
            data={[
              { value: 'in', label: 'In (from the person)' },
              { value: 'out', label: 'Out (from us)' },
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === 'in' || value === 'out') setDirection(value);
            }}
            error={errors.direction}
          />
          <NativeSelect
            label="Channel"
            value={channel}
            data={CORRESPONDENCE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isOneOf(CORRESPONDENCE_CHANNELS, value)) setChannel(value);
            }}
            error={errors.channel}
          />
          <TextInput
            type="date"
            label={direction === 'in' ? 'Received on' : 'Sent on'}
            value={on}
            onChange={(event) => setOn(event.currentTarget.value)}
            error={errors.on}
          />
        </SimpleGrid>
        <Textarea
          label="Summary"
          required
          autosize
          minRows={3}
          maxLength={5000}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={summaryError ?? errors.summary}
        />
        <Input.Wrapper
          id={fileId}
          label="Scan or photo (optional)"
          description="A PDF or an image of the letter; text is read from images."
          error={errors.file}
        >
          <input
            id={fileId}
            type="file"
            accept={SCAN_ACCEPT}
            aria-describedby={`${fileId}-description`}
            onChange={(event) => setScan(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 6 }}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save letter
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
