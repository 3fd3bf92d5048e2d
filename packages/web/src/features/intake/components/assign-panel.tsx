import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { IntakeDetail } from '@redress/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { useSession } from '../../session/session-context';
import { usersQueryOptions } from '../../users/api/list-users';
import { useAssignIntake } from '../api/assign-intake';
import { canTriage } from '../can-triage';

/** Who is working on the intake: anyone who triages can take it; administrators can hand it to others. */
export function AssignPanel({ intake }: { intake: IntakeDetail }) {
  const { user } = useSession();
  const assign = useAssignIntake();
  const isAdministrator = user.role === 'administrator';
  const users = useQuery({ ...usersQueryOptions(), enabled: isAdministrator });
  const [chosen, setChosen] = useState('');
  const candidates = (users.data?.items ?? []).filter((other) => !other.isDisabled && canTriage(other.role));
  const assignTo = (userId: string | null) => assign.mutate({ intakeId: intake.id, userId });

  return (
    <Stack component="section" gap="sm" aria-labelledby="intake-assign-heading">
      <Title order={2} id="intake-assign-heading" size="h3">
        Assignment
      </Title>
      <FormAlert error={assign.error} title="Could not change the assignment" />
      <Text size="sm" data-testid="intake-assignee">
        {intake.assignedTo ? `Assigned to ${intake.assignedTo.name}.` : 'No one is assigned.'}
      </Text>
      <Group gap="xs">
        {intake.assignedTo?.id !== user.id && (
          <Button size="sm" variant="default" onClick={() => assignTo(user.id)} loading={assign.isPending}>
            Assign to me
          </Button>
        )}
        {intake.assignedTo && (
          <Button size="sm" variant="default" onClick={() => assignTo(null)} loading={assign.isPending}>
            Unassign
          </Button>
        )}
      </Group>
      {isAdministrator && candidates.length > 0 && (
        <Group gap="xs" align="flex-end">
          <NativeSelect
            label="Assign to"
            size="sm"
            data={[
              { value: '', label: 'Choose a colleague' },
              ...candidates.map((other) => ({ value: other.id, label: other.name })),
            ]}
            value={chosen}
            onChange={(event) => setChosen(event.currentTarget.value)}
          />
          <Button size="sm" disabled={!chosen} onClick={() => assignTo(chosen)} loading={assign.isPending}>
            Assign
          </Button>
        </Group>
      )}
    </Stack>
  );
}
