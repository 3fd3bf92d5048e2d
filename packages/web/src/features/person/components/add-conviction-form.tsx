import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CONVICTION_JURISDICTIONS, type CountInput, type CreateConvictionInput, DISPOSITIONS } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { errorUnder, pathErrors } from '../../people/detail-errors';
import { isOneOf } from '../../people/labels';
import { useAddConviction } from '../api/add-conviction';

const FIELDS = [
  'caseNumber',
  'court',
  'county',
  'jurisdiction',
  'offenseStart',
  'offenseEnd',
  'convictionDate',
  'disposition',
  'counts',
  'prosecutor',
  'defenseCounsel',
  'judge',
] as const;

const JURISDICTION_OPTIONS = [
  { value: 'CA', label: 'California' },
  { value: 'US', label: 'Federal' },
  { value: 'other', label: 'Other' },
];
const DISPOSITION_OPTIONS = [
  { value: '', label: 'Not recorded' },
  { value: 'plea', label: 'Plea' },
  { value: 'jury', label: 'Jury trial' },
  { value: 'bench', label: 'Bench trial' },
];

type Draft = {
  caseNumber: string;
  court: string;
  county: string;
  jurisdiction: (typeof CONVICTION_JURISDICTIONS)[number];
  offenseStart: string;
  offenseEnd: string;
  convictionDate: string;
  disposition: string;
  prosecutor: string;
  defenseCounsel: string;
  judge: string;
};
type CountRow = { key: number; statute: string; description: string; isAttempt: boolean };

const EMPTY: Draft = {
  caseNumber: '',
  court: '',
  county: '',
  jurisdiction: 'CA',
  offenseStart: '',
  offenseEnd: '',
  convictionDate: '',
  disposition: '',
  prosecutor: '',
  defenseCounsel: '',
  judge: '',
};

const TEXT_FIELDS = [
  'caseNumber',
  'court',
  'county',
  'offenseStart',
  'offenseEnd',
  'convictionDate',
  'prosecutor',
  'defenseCounsel',
  'judge',
] as const;

const toInput = (draft: Draft, counts: readonly CountRow[]): Partial<CreateConvictionInput> => {
  const input: Partial<CreateConvictionInput> = { jurisdiction: draft.jurisdiction };
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value) input[field] = value;
  }
  if (isOneOf(DISPOSITIONS, draft.disposition)) input.disposition = draft.disposition;
  const filled = counts.filter((row) => row.statute.trim() !== '');
  if (filled.length > 0) {
    input.counts = filled.map(
      (row): CountInput => ({
        statute: row.statute,
        description: row.description.trim() || null,
        isAttempt: row.isAttempt,
      }),
    );
  }
  return input;
};

type AddConvictionFormProps = { personId: string; onDone: () => void; onCancel: () => void };

export function AddConvictionForm({ personId, onDone, onCancel }: AddConvictionFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [counts, setCounts] = useState<CountRow[]>([{ key: 0, statute: '', description: '', isAttempt: false }]);
  const mutation = useAddConviction(personId);
  const errors = pathErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const changeCount = (key: number, changes: Partial<CountRow>) =>
    setCounts(counts.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  const sentIndex = (key: number) => counts.filter((row) => row.statute.trim() !== '').findIndex((r) => r.key === key);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(toInput(draft, counts), { onSuccess: onDone });
  };

  const text = (field: (typeof TEXT_FIELDS)[number], label: string, type?: string, description?: string) => (
    <TextInput
      label={label}
      type={type}
      description={description}
      value={draft[field]}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not add the conviction" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('caseNumber', 'Case number')}
          {text('court', 'Court', undefined, 'e.g. Los Angeles County Superior Court')}
          {text('county', 'County')}
          <NativeSelect
            label="Jurisdiction"
            data={JURISDICTION_OPTIONS}
            value={draft.jurisdiction}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(CONVICTION_JURISDICTIONS, value)) update({ jurisdiction: value });
            }}
            error={errors.jurisdiction}
          />
          {text('offenseStart', 'Offense date', 'date', 'Or the first day of a range')}
          {text('offenseEnd', 'Offense end date', 'date', 'Only for a range of days')}
          {text('convictionDate', 'Conviction date', 'date')}
          <NativeSelect
            label="Disposition"
            data={DISPOSITION_OPTIONS}
            value={draft.disposition}
            onChange={(event) => update({ disposition: event.currentTarget.value })}
            error={errors.disposition}
          />
        </SimpleGrid>
        <Fieldset legend="Counts">
          <Stack gap="sm">
            {counts.map((row, index) => {
              const at = sentIndex(row.key);
              return (
                <Group key={row.key} align="flex-start" gap="sm">
                  <TextInput
                    label={`Count ${index + 1} statute`}
                    description="As written, e.g. PC 187(a)"
                    value={row.statute}
                    onChange={(event) => changeCount(row.key, { statute: event.currentTarget.value })}
                    error={at >= 0 ? errorUnder(errors, `counts.${at}.statute`) : undefined}
                  />
                  <TextInput
                    label={`Count ${index + 1} description`}
                    description="Optional"
                    value={row.description}
                    onChange={(event) => changeCount(row.key, { description: event.currentTarget.value })}
                    error={at >= 0 ? errorUnder(errors, `counts.${at}.description`) : undefined}
                  />
                  <Checkbox
                    mt={34}
                    label={`Count ${index + 1} attempted`}
                    checked={row.isAttempt}
                    onChange={(event) => changeCount(row.key, { isAttempt: event.currentTarget.checked })}
                  />
                </Group>
              );
            })}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  setCounts([
                    ...counts,
                    { key: Math.max(...counts.map((c) => c.key)) + 1, statute: '', description: '', isAttempt: false },
                  ])
                }
              >
                Add count
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('prosecutor', 'Prosecutor')}
          {text('defenseCounsel', 'Defense counsel')}
          {text('judge', 'Judge')}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save conviction
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
