import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { MATTER_OUTCOMES, type MatterDetail, type MatterOutcome, type UpdateMatterInput } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { OUTCOME_OPTIONS } from '../../matters/labels';
import { isOneOf } from '../../people/labels';
import { useUpdateMatter } from '../api/update-matter';

const FIELDS = ['title', 'decisionMaker', 'outcome', 'openedOn', 'closedOn', 'releaseDate'];

type Draft = {
  title: string;
  decisionMaker: string;
  outcome: MatterOutcome;
  openedOn: string;
  closedOn: string;
  releaseDate: string;
};

/** Only the fields that changed are sent; an emptied date or decision-maker is sent as null. */
const changesOf = (matter: MatterDetail, draft: Draft): UpdateMatterInput => {
  const changes: UpdateMatterInput = {};
  if (draft.title.trim() !== matter.title) changes.title = draft.title.trim();
  if ((draft.decisionMaker.trim() || null) !== matter.decisionMaker)
    changes.decisionMaker = draft.decisionMaker.trim() || null;
  if (draft.outcome !== matter.outcome) changes.outcome = draft.outcome;
  if (draft.openedOn !== matter.openedOn) changes.openedOn = draft.openedOn;
  if ((draft.closedOn || null) !== matter.closedOn) changes.closedOn = draft.closedOn || null;
  if ((draft.releaseDate || null) !== matter.releaseDate) changes.releaseDate = draft.releaseDate || null;
  return changes;
};

type EditMatterFormProps = { matter: MatterDetail; onDone: () => void; onCancel: () => void };

export function EditMatterForm({ matter, onDone, onCancel }: EditMatterFormProps) {
  const [draft, setDraft] = useState<Draft>({
    title: matter.title,
    decisionMaker: matter.decisionMaker ?? '',
    outcome: matter.outcome,
    openedOn: matter.openedOn,
    closedOn: matter.closedOn ?? '',
    releaseDate: matter.releaseDate ?? '',
  });
  const mutation = useUpdateMatter(matter.id);
  const errors = serverFieldErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = changesOf(matter, draft);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    mutation.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not save the matter" />
        <TextInput
          label="Title"
          value={draft.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          error={errors.title}
        />
        <TextInput
          label="Decision-maker"
          value={draft.decisionMaker}
          onChange={(event) => update({ decisionMaker: event.currentTarget.value })}
          error={errors.decisionMaker}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Outcome"
            data={OUTCOME_OPTIONS}
            value={draft.outcome}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(MATTER_OUTCOMES, value)) update({ outcome: value });
            }}
            error={errors.outcome}
          />
          <TextInput
            label="Release date"
            description="The day the person walked out; with Granted, marks them released"
            type="date"
            value={draft.releaseDate}
            onChange={(event) => update({ releaseDate: event.currentTarget.value })}
            error={errors.releaseDate}
          />
          <TextInput
            label="Opened on"
            type="date"
            value={draft.openedOn}
            onChange={(event) => update({ openedOn: event.currentTarget.value })}
            error={errors.openedOn}
          />
          <TextInput
            label="Closed on"
            type="date"
            value={draft.closedOn}
            onChange={(event) => update({ closedOn: event.currentTarget.value })}
            error={errors.closedOn}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save matter
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
