import { Button, Checkbox, Fieldset, Group, Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CA_PATHWAY_IDS, isCalendarDate, type PathwayId, US_PATHWAY_IDS } from '@redress/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isRosterFile, useCreateScreeningRun } from '../api/create-screening-run';
import { todayIso } from '../dates';
import { PATHWAY_LABELS } from '../labels';

const FIELDS = ['file', 'name', 'asOf', 'pathways'] as const;

function PathwayGroup({
  legend,
  ids,
  chosen,
  onChange,
}: {
  legend: string;
  ids: readonly PathwayId[];
  chosen: readonly PathwayId[];
  onChange: (chosen: PathwayId[]) => void;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap={6}>
        {ids.map((id) => (
          <Checkbox
            key={id}
            label={PATHWAY_LABELS[id]}
            checked={chosen.includes(id)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...chosen, id] : chosen.filter((other) => other !== id))
            }
          />
        ))}
      </Stack>
    </Fieldset>
  );
}

/** Upload a roster (CSV or JSON Lines) to screen in the background; the run's page shows its progress. */
export function NewRunForm() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState(todayIso);
  const [pathways, setPathways] = useState<PathwayId[]>([]);
  const [clientErrors, setClientErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const mutation = useCreateScreeningRun();
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (field: (typeof FIELDS)[number]) => clientErrors[field] ?? serverErrors[field];
  const fileId = useId();
  const fileError = errorOf('file');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof clientErrors = {};
    if (!file) found.file = 'Choose a roster file (CSV or JSON Lines)';
    else if (!isRosterFile(file)) found.file = 'Choose a .csv or .jsonl file';
    if (asOf && !isCalendarDate(asOf)) found.asOf = 'Use a real date as YYYY-MM-DD';
    setClientErrors(found);
    if (!file || Object.keys(found).length > 0) return;
    mutation.mutate(
      {
        file,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(asOf ? { asOf } : {}),
        pathways,
      },
      { onSuccess: (run) => void navigate({ to: '/screening/$runId', params: { runId: run.id } }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Screen a roster">
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not start the screening" />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Input.Wrapper
            id={fileId}
            label="Roster file"
            description="CSV (one row per conviction) or JSON Lines (one person per line), as in the screening format."
            error={fileError}
            required
          >
            <input
              id={fileId}
              type="file"
              accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson,application/jsonl"
              aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
              style={{ display: 'block', marginTop: 6 }}
            />
          </Input.Wrapper>
          <TextInput
            label="Run name"
            description="Leave empty to use the file's name"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorOf('name')}
          />
          <TextInput
            type="date"
            label="Screen as of"
            description="Results depend on the roster and this date only"
            value={asOf}
            onChange={(event) => setAsOf(event.currentTarget.value)}
            error={errorOf('asOf')}
          />
        </SimpleGrid>
        <Fieldset legend="Pathways (leave all unticked to screen every pathway)">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <PathwayGroup legend="California" ids={CA_PATHWAY_IDS} chosen={pathways} onChange={setPathways} />
            <PathwayGroup legend="Federal" ids={US_PATHWAY_IDS} chosen={pathways} onChange={setPathways} />
          </SimpleGrid>
          {errorOf('pathways') && (
            <Input.Error mt="xs" role="alert">
              {errorOf('pathways')}
            </Input.Error>
          )}
        </Fieldset>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Upload and screen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
