import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { MatterDetail } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { DateTime } from '../../../components/date-time';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useCreateNote } from '../api/create-note';
import { useNotes } from '../api/list-notes';
import { SafeMarkdown } from '../safe-markdown';

export function NotesSection({ matter }: { matter: MatterDetail }) {
  const notes = useNotes(matter.id);
  const isLegalTeam = matter.viewer.membership === 'legal_team';
  const items = notes.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      {matter.viewer.canWrite && <AddNoteForm matterId={matter.id} canMarkPrivileged={isLegalTeam} />}
      {notes.isPending && <PageLoader label="Loading notes" />}
      {notes.isError && <QueryError error={notes.error} what="the notes" onRetry={() => void notes.refetch()} />}
      {notes.isSuccess && items.length === 0 && <Text>No notes yet.</Text>}
      {items.map((note) => (
        <Paper
          key={note.id}
          withBorder
          p="sm"
          component="article"
          aria-label={`Note of ${note.createdAt.slice(0, 10)}`}
        >
          <Group gap="xs" mb={6}>
            <Text size="sm" fw={600}>
              {note.author?.name ?? 'Someone'}
            </Text>
            <Text size="sm">
              <DateTime value={note.createdAt} />
            </Text>
            {note.isPrivileged && (
              <Badge color="red" variant="light">
                Privileged
              </Badge>
            )}
          </Group>
          <div data-testid="note-body">
            <SafeMarkdown source={note.body} />
          </div>
          {note.mentions.length > 0 && (
            <Text size="xs">Mentions: {note.mentions.map((user) => user.name).join(', ')}</Text>
          )}
        </Paper>
      ))}
      {notes.hasNextPage && (
        <Button
          variant="outline"
          size="xs"
          onClick={() => void notes.fetchNextPage()}
          loading={notes.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          Show older notes
        </Button>
      )}
    </Stack>
  );
}

function AddNoteForm({ matterId, canMarkPrivileged }: { matterId: string; canMarkPrivileged: boolean }) {
  const [body, setBody] = useState('');
  const [isPrivileged, setIsPrivileged] = useState(false);
  const mutation = useCreateNote(matterId);
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { body, isPrivileged },
      {
        onSuccess: () => {
          setBody('');
          setIsPrivileged(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert
          error={mutation.error}
          fields={['body', 'isPrivileged', 'mentions']}
          title="Could not save the note"
        />
        <Textarea
          label="New note"
          description="Markdown: **bold**, *italic*, lists with -, links. HTML is shown as text."
          autosize
          minRows={3}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={errors.body}
        />
        <Checkbox
          label="Privileged (legal team only)"
          description={canMarkPrivileged ? undefined : 'Only the legal team of the matter can write privileged notes'}
          checked={isPrivileged}
          disabled={!canMarkPrivileged}
          onChange={(event) => setIsPrivileged(event.currentTarget.checked)}
          error={errors.isPrivileged}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Add note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
