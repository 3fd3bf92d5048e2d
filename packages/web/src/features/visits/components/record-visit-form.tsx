import { Button, Checkbox, CloseButton, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { RecordVisitInput, VisitBody } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useRecordVisit } from '../api/record-visit';
import { isoToLocal, localToIso } from '../labels';

type TaskDraft = { title: string; dueOn: string };

type RecordVisitFormProps = { visit: VisitBody; onDone: (taskCount: number) => void; onCancel: () => void };

/** After the visit: when it was held, who attended, privileged notes and follow-up tasks. */
export function RecordVisitForm({ visit, onDone, onCancel }: RecordVisitFormProps) {
  const [start, setStart] = useState(isoToLocal(visit.scheduledStart));
  const [end, setEnd] = useState(isoToLocal(visit.scheduledEnd));
  const [attendees, setAttendees] = useState<string[]>(visit.visitors.map((visitor) => visitor.userId));
  const [notes, setNotes] = useState('');
  const [tasks, setTasks] = useState<TaskDraft[]>([{ title: '', dueOn: '' }]);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useRecordVisit(visit.personId);
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (field: string) => clientErrors[field] ?? serverErrors[field];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const heldStart = localToIso(start);
    const heldEnd = localToIso(end);
    const found: Record<string, string> = {};
    if (!heldStart) found.heldStart = 'When did the visit start?';
    if (!heldEnd) found.heldEnd = 'When did it end?';
    else if (heldStart && Date.parse(heldEnd) <= Date.parse(heldStart))
      found.heldEnd = 'The end must be after the start';
    if (attendees.length === 0) found.attendees = 'Who attended?';
    setClientErrors(found);
    if (!heldStart || !heldEnd || Object.keys(found).length > 0) return;
    const input: RecordVisitInput = {
      heldStart,
      heldEnd,
      attendees,
      privilegedNotes: notes.trim() || null,
      followUpTasks: tasks
        .filter((task) => task.title.trim())
        .map((task) => ({ title: task.title.trim(), dueOn: task.dueOn || null })),
    };
    mutation.mutate({ id: visit.id, input }, { onSuccess: (recorded) => onDone(recorded.taskIds.length) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record the visit">
      <Stack gap="md">
        <FormAlert
          error={mutation.error}
          fields={['heldStart', 'heldEnd', 'attendees', 'privilegedNotes']}
          title="Could not record the visit"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label="Started"
            required
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            error={errorOf('heldStart')}
          />
          <TextInput
            type="datetime-local"
            label="Ended"
            required
            value={end}
            onChange={(event) => setEnd(event.currentTarget.value)}
            error={errorOf('heldEnd')}
          />
        </SimpleGrid>
        <Checkbox.Group label="Who attended" value={attendees} onChange={setAttendees} error={errorOf('attendees')}>
          <Stack gap={6} mt="xs">
            {visit.visitors.map((visitor) => (
              <Checkbox key={visitor.userId} value={visitor.userId} label={visitor.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label="Privileged notes"
          description="Attorney-client privileged: seen only by the person's legal team"
          autosize
          minRows={4}
          maxLength={100_000}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errorOf('privilegedNotes')}
        />
        <Fieldset legend="Follow-up tasks">
          <Stack gap="xs">
            {tasks.map((task, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: tasks are edited in place and never reordered
              <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`Task ${index + 1}`}
                  maxLength={300}
                  value={task.title}
                  onChange={(event) => {
                    const title = event.currentTarget.value;
                    setTasks(tasks.map((t, i) => (i === index ? { ...t, title } : t)));
                  }}
                  error={errorOf('followUpTasks')}
                />
                <TextInput
                  type="date"
                  label={`Task ${index + 1} due`}
                  value={task.dueOn}
                  onChange={(event) => {
                    const dueOn = event.currentTarget.value;
                    setTasks(tasks.map((t, i) => (i === index ? { ...t, dueOn } : t)));
                  }}
                />
                {tasks.length > 1 && (
                  <CloseButton
                    aria-label={`Remove task ${index + 1}`}
                    onClick={() => setTasks(tasks.filter((_, i) => i !== index))}
                  />
                )}
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setTasks([...tasks, { title: '', dueOn: '' }])}
            >
              Add a task
            </Button>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save visit record
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
