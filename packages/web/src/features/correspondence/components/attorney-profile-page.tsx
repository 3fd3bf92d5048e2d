import {
  Alert,
  Box,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AttorneyProfileBody, AttorneyProfileInput } from '@redress/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { useSession } from '../../session/session-context';
import { usersQueryOptions } from '../../users/api/list-users';
import { useAttorneyProfile, useSaveAttorneyProfile } from '../api/attorney-profile';

const FIELDS = ['displayName', 'title', 'barNumber', 'barState', 'barAddressLines', 'phone', 'email'];

type AttorneyProfileFormProps = { userId: string; defaultName: string; profile: AttorneyProfileBody | null };

function AttorneyProfileForm({ userId, defaultName, profile }: AttorneyProfileFormProps) {
  const [displayName, setDisplayName] = useState(profile?.displayName ?? defaultName);
  const [title, setTitle] = useState(profile?.title ?? 'Attorney at Law');
  const [barNumber, setBarNumber] = useState(profile?.barNumber ?? '');
  const [barState, setBarState] = useState(profile?.barState ?? 'CA');
  const [address, setAddress] = useState(profile?.barAddressLines.join('\n') ?? '');
  const [phone, setPhone] = useState(profile?.phone ?? '');
  const [email, setEmail] = useState(profile?.email ?? '');
  const [addressError, setAddressError] = useState<string | undefined>();
  const mutation = useSaveAttorneyProfile(userId);
  const errors = serverFieldErrors(mutation.error);
  const saved = mutation.data ?? profile;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lines = address
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length < 2) {
      setAddressError('Give the street line and the city line, one per line, as on the State Bar record');
      return;
    }
    setAddressError(undefined);
    const input: AttorneyProfileInput = {
      displayName: displayName.trim(),
      title: title.trim(),
      barNumber: barNumber.trim() || null,
      barState: barState.trim().toUpperCase(),
      barAddressLines: lines,
      phone: phone.trim() || null,
      email: email.trim() || null,
    };
    mutation.mutate(input, { onSuccess: () => notifications.show({ message: 'Attorney profile saved.' }) });
  };

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate aria-label="Attorney profile">
        <Stack gap="md" maw={720}>
          <FormAlert error={mutation.error} fields={FIELDS} title="Could not save the attorney profile" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              description="As on the State Bar record"
              required
              maxLength={200}
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput
              label="Title"
              description="Shown after the name; CDCR treats attorney mail without it as ordinary mail"
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors.title}
            />
            <TextInput
              label="Bar number"
              maxLength={20}
              value={barNumber}
              onChange={(event) => setBarNumber(event.currentTarget.value)}
              error={errors.barNumber}
            />
            <TextInput
              label="Bar state"
              description="Two letters, e.g. CA"
              maxLength={2}
              value={barState}
              onChange={(event) => setBarState(event.currentTarget.value)}
              error={errors.barState}
            />
          </SimpleGrid>
          <Textarea
            label="State Bar address"
            description="One line each, exactly as on the State Bar record: legal mail's return address must match it"
            required
            autosize
            minRows={3}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={addressError ?? errors.barAddressLines}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Phone"
              maxLength={40}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label="Email"
              type="email"
              maxLength={200}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Save attorney profile
            </Button>
          </Group>
        </Stack>
      </form>
      {saved && (
        <Stack component="section" gap="xs" aria-labelledby="return-address-heading">
          <Title order={2} id="return-address-heading">
            Return address on legal mail
          </Title>
          <Box
            data-testid="return-address"
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-5)', maxWidth: 420 }}
          >
            {saved.returnAddress.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an address block is read top to bottom, never reordered
              <Text key={index} ff="monospace" size="sm">
                {line}
              </Text>
            ))}
          </Box>
        </Stack>
      )}
    </Stack>
  );
}

function ProfileOf({ userId, defaultName }: { userId: string; defaultName: string }) {
  const profile = useAttorneyProfile(userId);
  if (profile.isPending) return <PageLoader label="Loading the attorney profile" />;
  if (profile.isError) {
    return <QueryError error={profile.error} what="the attorney profile" onRetry={() => void profile.refetch()} />;
  }
  // Keyed by user so switching attorneys starts the form afresh.
  return <AttorneyProfileForm key={userId} userId={userId} defaultName={defaultName} profile={profile.data} />;
}

/** The name, title and State Bar address legal mail is sent from. Administrators keep any attorney's. */
export function AttorneyProfilePage() {
  usePageTitle('Attorney profile');
  const { user } = useSession();
  const isAdministrator = user.role === 'administrator';
  const users = useQuery({ ...usersQueryOptions(), enabled: isAdministrator });
  const attorneys = isAdministrator ? (users.data?.items ?? []).filter((u) => u.role === 'attorney') : [];
  const [chosen, setChosen] = useState(user.role === 'attorney' ? user.id : '');
  const userId = chosen || attorneys[0]?.id || (user.role === 'attorney' ? user.id : '');
  const name = attorneys.find((a) => a.id === userId)?.name ?? (userId === user.id ? user.name : '');

  return (
    <Stack gap="xl">
      <Title order={1}>Attorney profile</Title>
      <Text maw={720}>
        Legal mail carries the attorney's name, title and the address on record with the State Bar; without them a
        prison treats the letter as ordinary mail and may open it.
      </Text>
      {isAdministrator && (
        <NativeSelect
          label="Attorney"
          maw={360}
          value={userId}
          data={
            attorneys.length === 0
              ? [{ value: '', label: users.isPending ? 'Loading…' : 'No attorney users' }]
              : attorneys.map((attorney) => ({ value: attorney.id, label: attorney.name }))
          }
          onChange={(event) => setChosen(event.currentTarget.value)}
        />
      )}
      {userId ? (
        <ProfileOf userId={userId} defaultName={name} />
      ) : (
        !(isAdministrator && users.isPending) && (
          <Alert color="blue">
            <Text size="sm">Only attorneys have an attorney profile. Add a user with the attorney role first.</Text>
          </Alert>
        )
      )}
    </Stack>
  );
}
