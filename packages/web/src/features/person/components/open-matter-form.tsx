import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { DEFAULT_DECISION_MAKERS, MATTER_TYPES, type MatterType, type OpenMatterInput } from '@redress/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useOpenMatter } from '../../matter/api/open-matter';
import { MATTER_TYPE_OPTIONS } from '../../matters/labels';
import { isOneOf } from '../../people/labels';

type OpenMatterFormProps = { personId: string; onCancel: () => void };

/** Opens a matter for the person (the opener joins its team) and goes to it. */
export function OpenMatterForm({ personId, onCancel }: OpenMatterFormProps) {
  const navigate = useNavigate();
  const [type, setType] = useState<MatterType>('state_commutation');
  const [title, setTitle] = useState('');
  const [decisionMaker, setDecisionMaker] = useState('');
  const mutation = useOpenMatter();
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: OpenMatterInput = { personId, type };
    if (title.trim()) input.title = title.trim();
    if (decisionMaker.trim()) input.decisionMaker = decisionMaker.trim();
    mutation.mutate(input, {
      onSuccess: (matter) => void navigate({ to: '/matters/$matterId', params: { matterId: matter.id } }),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert
          error={mutation.error}
          fields={['type', 'title', 'decisionMaker', 'personId']}
          title="Could not open the matter"
        />
        <NativeSelect
          label="Matter type"
          data={MATTER_TYPE_OPTIONS}
          value={type}
          onChange={(event) => {
            const { value } = event.currentTarget;
            if (isOneOf(MATTER_TYPES, value)) setType(value);
          }}
          error={errors.type}
        />
        <TextInput
          label="Matter title"
          description="Leave empty for “type: name”"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
        />
        <TextInput
          label="Decision-maker"
          description={`Leave empty for the default${DEFAULT_DECISION_MAKERS[type] ? `: ${DEFAULT_DECISION_MAKERS[type]}` : ''}`}
          value={decisionMaker}
          onChange={(event) => setDecisionMaker(event.currentTarget.value)}
          error={errors.decisionMaker}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Open matter
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
