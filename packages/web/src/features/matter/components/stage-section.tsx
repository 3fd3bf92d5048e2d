import { Button, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import type { MatterDetail } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { DateTime } from '../../../components/date-time';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useChangeMatterStage } from '../api/change-stage';

export function StageSection({ matter }: { matter: MatterDetail }) {
  const [stage, setStage] = useState(matter.stage);
  const mutation = useChangeMatterStage();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ matterId: matter.id, stage });
  };

  return (
    <Stack gap="sm">
      {matter.viewer.canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormAlert error={mutation.error} fields={['stage']} title="Could not move the matter" />
            <Group align="flex-end" gap="sm">
              <NativeSelect
                label="Move to stage"
                data={matter.stages.includes(matter.stage) ? matter.stages : [matter.stage, ...matter.stages]}
                value={stage}
                onChange={(event) => setStage(event.currentTarget.value)}
                error={serverFieldErrors(mutation.error).stage}
              />
              <Button type="submit" loading={mutation.isPending} disabled={stage === matter.stage}>
                Change stage
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <List spacing={4} aria-label="Stage history, oldest first" type="ordered">
        {matter.stageHistory.map((change) => (
          <List.Item key={`${change.changedAt}-${change.toStage}`}>
            <Text size="sm" span>
              {change.fromStage ? `${change.fromStage} → ${change.toStage}` : `Opened in ${change.toStage}`} —{' '}
              <DateTime value={change.changedAt} />
              {change.changedBy ? `, by ${change.changedBy.name}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
