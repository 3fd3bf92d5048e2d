import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { MATTER_ROLES, type MatterDetail, type MatterRole, ROLE_LABELS } from '@redress/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TableRegion } from '../../../components/table-region';
import { serverFieldErrors } from '../../../lib/form-errors';
import { MATTER_ROLE_LABELS, MATTER_ROLE_OPTIONS } from '../../matters/labels';
import { isOneOf } from '../../people/labels';
import { useSession } from '../../session/session-context';
import { usersQueryOptions } from '../../users/api/list-users';
import { useAddTeamMember } from '../api/add-team-member';
import { useRemoveTeamMember } from '../api/remove-team-member';

export function TeamSection({ matter }: { matter: MatterDetail }) {
  const removeMutation = useRemoveTeamMember(matter.id);
  const { canManageTeam } = matter.viewer;
  return (
    <Stack gap="sm">
      <TableRegion label="Team">
        <Table verticalSpacing="xs">
          <Table.Caption>Team of this matter</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Matter role</Table.Th>
              <Table.Th scope="col">Organisation role</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              {canManageTeam && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matter.team.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Th scope="row">{member.name}</Table.Th>
                <Table.Td>{MATTER_ROLE_LABELS[member.matterRole]}</Table.Td>
                <Table.Td>{ROLE_LABELS[member.role]}</Table.Td>
                <Table.Td>{member.email}</Table.Td>
                {canManageTeam && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      disabled={matter.team.length <= 1}
                      loading={removeMutation.isPending && removeMutation.variables === member.userId}
                      onClick={() => removeMutation.mutate(member.userId)}
                    >
                      Remove<VisuallyHidden> {member.name} from the team</VisuallyHidden>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
      <FormAlert error={removeMutation.error} title="Could not remove the team member" />
      {canManageTeam && <AddTeamMemberForm matter={matter} />}
    </Stack>
  );
}

function AddTeamMemberForm({ matter }: { matter: MatterDetail }) {
  // The user directory is for administrators; anyone else who may manage the team enters a user ID.
  const { user } = useSession();
  const users = useQuery({ ...usersQueryOptions(), enabled: user.role === 'administrator' });
  const [userId, setUserId] = useState('');
  const [matterRole, setMatterRole] = useState<MatterRole | ''>('');
  const mutation = useAddTeamMember(matter.id);
  const errors = serverFieldErrors(mutation.error);
  const onTeam = new Set(matter.team.map((member) => member.userId));
  const candidates = (users.data?.items ?? []).filter((other) => !onTeam.has(other.id) && !other.isDisabled);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { userId: userId.trim(), ...(matterRole ? { matterRole } : {}) },
      {
        onSuccess: () => {
          setUserId('');
          setMatterRole('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-team-member-heading">
      <Stack gap="xs">
        <Text fw={700} id="add-team-member-heading">
          Add a team member
        </Text>
        <FormAlert error={mutation.error} fields={['userId', 'matterRole']} title="Could not add the team member" />
        <Group align="flex-end" gap="sm">
          {users.isSuccess ? (
            <NativeSelect
              label="Team member"
              data={[
                { value: '', label: candidates.length ? 'Choose someone' : 'Everyone is on the team' },
                ...candidates.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.name} (${ROLE_LABELS[candidate.role]})`,
                })),
              ]}
              value={userId}
              onChange={(event) => setUserId(event.currentTarget.value)}
              error={errors.userId}
            />
          ) : (
            <TextInput
              label="User ID"
              description="Ask an administrator for the ID of the user to add"
              value={userId}
              onChange={(event) => setUserId(event.currentTarget.value)}
              error={errors.userId}
            />
          )}
          <NativeSelect
            label="Matter role"
            data={[{ value: '', label: 'From their organisation role' }, ...MATTER_ROLE_OPTIONS]}
            value={matterRole}
            onChange={(event) => {
              const { value } = event.currentTarget;
              setMatterRole(isOneOf(MATTER_ROLES, value) ? value : '');
            }}
            error={errors.matterRole}
          />
          <Button type="submit" loading={mutation.isPending} disabled={!userId.trim()}>
            Add to team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
