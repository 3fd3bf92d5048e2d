import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type AddPlacementInput, PLACEMENT_SOURCES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf, PLACEMENT_SOURCE_OPTIONS } from '../../people/labels';
import { useAddPlacement } from '../api/add-placement';

const FIELDS = ['facilityId', 'facilityName', 'housing', 'fromDate', 'toDate', 'learnedFrom', 'addressConfirmedAt'];

type Draft = {
  facilityName: string;
  housing: string;
  fromDate: string;
  toDate: string;
  learnedFrom: (typeof PLACEMENT_SOURCES)[number];
  addressConfirmedAt: string;
};

type AddPlacementFormProps = { personId: string; onDone: (message: string) => void; onCancel: () => void };

export function AddPlacementForm({ personId, onDone, onCancel }: AddPlacementFormProps) {
  const [draft, setDraft] = useState<Draft>({
    facilityName: '',
    housing: '',
    fromDate: '',
    toDate: '',
    learnedFrom: 'locator',
    addressConfirmedAt: '',
  });
  const mutation = useAddPlacement(personId);
  const errors = serverFieldErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: Partial<AddPlacementInput> = { fromDate: draft.fromDate, learnedFrom: draft.learnedFrom };
    if (draft.facilityName.trim()) input.facilityName = draft.facilityName.trim();
    if (draft.housing.trim()) input.housing = draft.housing.trim();
    if (draft.toDate) input.toDate = draft.toDate;
    if (draft.addressConfirmedAt) input.addressConfirmedAt = draft.addressConfirmedAt;
    mutation.mutate(input, {
      onSuccess: (added) =>
        onDone(
          added.mailHold ? `Placement added. Mail is on hold until the new address is confirmed.` : 'Placement added.',
        ),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not add the placement" />
        <Text size="sm">
          A new placement closes the open one it follows. A transfer puts mail on hold until the new address is
          confirmed.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Facility"
            required
            description="e.g. San Quentin Rehabilitation Center"
            value={draft.facilityName}
            onChange={(event) => update({ facilityName: event.currentTarget.value })}
            error={errors.facilityName ?? errors.facilityId}
          />
          <TextInput
            label="Housing"
            description='e.g. "Condemned / East Block"'
            value={draft.housing}
            onChange={(event) => update({ housing: event.currentTarget.value })}
            error={errors.housing}
          />
          <TextInput
            label="From date"
            type="date"
            required
            value={draft.fromDate}
            onChange={(event) => update({ fromDate: event.currentTarget.value })}
            error={errors.fromDate}
          />
          <TextInput
            label="To date"
            type="date"
            description="Leave empty while the person is still there"
            value={draft.toDate}
            onChange={(event) => update({ toDate: event.currentTarget.value })}
            error={errors.toDate}
          />
          <NativeSelect
            label="How the move was learned"
            data={PLACEMENT_SOURCE_OPTIONS}
            value={draft.learnedFrom}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(PLACEMENT_SOURCES, value)) update({ learnedFrom: value });
            }}
            error={errors.learnedFrom}
          />
          <TextInput
            label="Address confirmed on"
            type="date"
            description="Leave empty if the mailing address is not confirmed yet"
            value={draft.addressConfirmedAt}
            onChange={(event) => update({ addressConfirmedAt: event.currentTarget.value })}
            error={errors.addressConfirmedAt}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save placement
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
