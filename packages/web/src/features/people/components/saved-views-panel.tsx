import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useDeleteSavedView } from '../api/delete-saved-view';
import { type SavedViewListName, useSavedViews } from '../api/list-saved-views';
import { useSaveView } from '../api/save-view';

type SavedViewsPanelProps = {
  list: SavedViewListName;
  /** The list's filters as they are in the URL now. */
  current: Readonly<Record<string, string | number>>;
  onOpen: (query: Readonly<Record<string, unknown>>) => void;
};

/** Save the current filters under a name, and go back to a saved view. Hidden if the server has none. */
export function SavedViewsPanel({ list, current, onOpen }: SavedViewsPanelProps) {
  const views = useSavedViews(list);
  const saveMutation = useSaveView();
  const deleteMutation = useDeleteSavedView(list);
  const [name, setName] = useState('');
  const [selectedId, setSelectedId] = useState('');

  if (views.isError && isApiError(views.error) && views.error.status === 404) return null;
  const items = views.data?.items ?? [];
  const selected = items.find((view) => view.id === selectedId) ?? items[0];

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    saveMutation.mutate(
      { list, name, query: { ...current } },
      {
        onSuccess: (view) => {
          setName('');
          setSelectedId(view.id);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {items.length > 0 && selected ? (
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label="Saved view"
            data={items.map((view) => ({ value: view.id, label: view.name }))}
            value={selected.id}
            onChange={(event) => setSelectedId(event.currentTarget.value)}
          />
          <Button variant="default" onClick={() => onOpen(selected.query)}>
            Open view
          </Button>
          <Button
            variant="subtle"
            color="red"
            loading={deleteMutation.isPending}
            onClick={() => deleteMutation.mutate(selected.id, { onSuccess: () => setSelectedId('') })}
          >
            Delete view
          </Button>
        </Group>
      ) : (
        <Text size="sm">{views.isPending ? 'Loading saved views…' : 'No saved views yet.'}</Text>
      )}
      <form onSubmit={save} noValidate>
        <Stack gap="xs">
          <FormAlert error={saveMutation.error} fields={['name']} title="Could not save the view" />
          <Group align="flex-end" gap="sm">
            <TextInput
              label="View name"
              description="Saves the filters shown now"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={serverFieldErrors(saveMutation.error).name}
            />
            <Button type="submit" variant="default" loading={saveMutation.isPending}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
      <FormAlert error={deleteMutation.error} title="Could not delete the view" />
    </Stack>
  );
}
