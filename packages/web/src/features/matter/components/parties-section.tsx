import { Button, Group, List, NativeSelect, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { MATTER_PARTY_ROLES, type MatterDetail } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { ConflictCheckStep } from '../../conflicts/components/conflict-check-step';
import { PARTY_ROLE_LABELS, PARTY_ROLE_OPTIONS } from '../../matters/labels';
import { isOneOf } from '../../people/labels';
import { useAddParty } from '../api/add-party';
import { useParties } from '../api/list-parties';
import { useRemoveParty } from '../api/remove-party';

export function PartiesSection({ matter }: { matter: MatterDetail }) {
  const parties = useParties(matter.id);
  const removeMutation = useRemoveParty(matter.id);
  const { canWrite } = matter.viewer;
  const [isAdding, setIsAdding] = useState(false);
  const [partyName, setPartyName] = useState<string | null>(null);
  const close = () => {
    setIsAdding(false);
    setPartyName(null);
  };

  return (
    <Stack gap="sm">
      {parties.isPending && <PageLoader label="Loading parties" />}
      {parties.isError && (
        <QueryError error={parties.error} what="the parties" onRetry={() => void parties.refetch()} />
      )}
      {parties.isSuccess &&
        (parties.data.items.length === 0 ? (
          <Text>No parties named.</Text>
        ) : (
          <List spacing={4} aria-label="Parties">
            {parties.data.items.map((party) => (
              <List.Item key={party.id}>
                <Group gap="xs">
                  <Text size="sm" span>
                    {party.name} — {PARTY_ROLE_LABELS[party.role]}
                  </Text>
                  {canWrite && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => removeMutation.mutate(party.id)}
                      loading={removeMutation.isPending && removeMutation.variables === party.id}
                    >
                      Remove<VisuallyHidden> party {party.name}</VisuallyHidden>
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        ))}
      <FormAlert error={removeMutation.error} title="Could not remove the party" />
      {canWrite && (
        <Group>
          <Button variant="default" onClick={() => setIsAdding(true)}>
            Name a party
          </Button>
        </Group>
      )}
      {isAdding && (
        <AppDialog title="Name a party" onClose={() => setIsAdding(false)}>
          {partyName === null ? (
            <ConflictCheckStep
              subjectKind="party"
              nameLabel="Party name"
              onCleared={(name) => setPartyName(name)}
              onCancel={close}
            />
          ) : (
            <AddPartyForm matterId={matter.id} initialName={partyName} onDone={close} onCancel={close} />
          )}
        </AppDialog>
      )}
    </Stack>
  );
}

type AddPartyFormProps = { matterId: string; initialName: string; onDone: () => void; onCancel: () => void };

/** The party's details, after the conflict check on the name. */
function AddPartyForm({ matterId, initialName, onDone, onCancel }: AddPartyFormProps) {
  const [role, setRole] = useState<(typeof MATTER_PARTY_ROLES)[number]>('adverse_party');
  const [name, setName] = useState(initialName);
  const mutation = useAddParty(matterId);
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ role, name }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['role', 'name']} title="Could not add the party" />
        <TextInput
          label="Party name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <NativeSelect
          label="Party role"
          data={PARTY_ROLE_OPTIONS}
          value={role}
          onChange={(event) => {
            const { value } = event.currentTarget;
            if (isOneOf(MATTER_PARTY_ROLES, value)) setRole(value);
          }}
          error={errors.role}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Add party
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
