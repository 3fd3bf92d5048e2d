import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { CONVICTION_PARTY_ROLES, type ConvictionPartyRole } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { useAddConvictionParty } from '../api/add-conviction-party';

const ROLE_LABELS: Record<ConvictionPartyRole, string> = {
  victim: 'Victim (legal team only)',
  survivor: 'Survivor (legal team only)',
  co_defendant: 'Co-defendant',
};

type PartyFormProps = {
  personId: string;
  convictionId: string;
  canWriteRestricted: boolean;
  onDone: () => void;
  onCancel: () => void;
};

/** Victims and survivors are restricted: only the legal team is offered them. */
export function PartyForm({ personId, convictionId, canWriteRestricted, onDone, onCancel }: PartyFormProps) {
  const roles = CONVICTION_PARTY_ROLES.filter((role) => canWriteRestricted || role === 'co_defendant');
  const [role, setRole] = useState<ConvictionPartyRole>(roles[0] ?? 'co_defendant');
  const [name, setName] = useState('');
  const [notify, setNotify] = useState(false);
  const mutation = useAddConvictionParty(personId);
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ convictionId, party: { role, name, notify } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['role', 'name', 'notify']} title="Could not add the party" />
        <NativeSelect
          label="Party role"
          data={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          value={role}
          onChange={(event) => {
            const { value } = event.currentTarget;
            if (isOneOf(CONVICTION_PARTY_ROLES, value)) setRole(value);
          }}
          error={errors.role}
        />
        <TextInput
          label="Party name"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        {role !== 'co_defendant' && (
          <Checkbox
            label="Victim notification applies"
            checked={notify}
            onChange={(event) => setNotify(event.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save party
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
