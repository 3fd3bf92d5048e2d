import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { INTAKE_LANGUAGES, STAFF_INTAKE_CHANNELS, type StaffIntakeChannel } from '@redress/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { pathErrors } from '../../people/detail-errors';
import { isOneOf } from '../../people/labels';
import { useCreateIntake } from '../api/create-intake';
import { CHANNEL_OPTIONS, LANGUAGE_OPTIONS } from '../labels';
import { PathFormAlert } from './path-form-alert';

/** The server's paths for the form's fields. */
const PATHS = {
  channel: 'channel',
  receivedOn: 'receivedOn',
  name: 'questionnaire.background.name',
  language: 'questionnaire.background.language',
  referrer: 'submittedBy.name',
  referrerContact: 'submittedBy.contact',
} as const;

/** Records a letter, a referral or a call by hand; the intake page takes the rest. */
export function NewIntakeForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const mutation = useCreateIntake();
  const [channel, setChannel] = useState<StaffIntakeChannel>('mailed_letter');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('en');
  const [receivedOn, setReceivedOn] = useState('');
  const [referrer, setReferrer] = useState('');
  const [referrerContact, setReferrerContact] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const server = pathErrors(mutation.error);
  const errorOf = (key: keyof typeof PATHS) => clientErrors[key] ?? server[PATHS[key]];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (channel === 'referral' && !referrer.trim()) found.referrer = 'Name the organisation that referred them';
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      {
        channel,
        ...(receivedOn ? { receivedOn } : {}),
        questionnaire: {
          background: {
            ...(name.trim() ? { name: name.trim() } : {}),
            ...(isOneOf(INTAKE_LANGUAGES, language) ? { language } : {}),
          },
        },
        ...(channel === 'referral'
          ? {
              submittedBy: {
                name: referrer.trim(),
                relationship: 'referring organisation',
                ...(referrerContact.trim() ? { contact: referrerContact.trim() } : {}),
              },
            }
          : {}),
      },
      { onSuccess: (intake) => void navigate({ to: '/intake/$intakeId', params: { intakeId: intake.id } }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New intake">
      <Stack gap="md">
        <PathFormAlert error={mutation.error} paths={Object.values(PATHS)} title="Could not record the intake" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label="Channel"
            data={CHANNEL_OPTIONS}
            value={channel}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isOneOf(STAFF_INTAKE_CHANNELS, value)) setChannel(value);
            }}
            error={errorOf('channel')}
          />
          <TextInput
            type="date"
            label="Received on"
            description="Leave empty for today"
            value={receivedOn}
            onChange={(event) => setReceivedOn(event.currentTarget.value)}
            error={errorOf('receivedOn')}
          />
          <TextInput
            label="Applicant name"
            description="As written in the letter or given on the call"
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorOf('name')}
          />
          <NativeSelect
            label="Language"
            data={LANGUAGE_OPTIONS}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            error={errorOf('language')}
          />
          {channel === 'referral' && (
            <>
              <TextInput
                label="Referring organisation"
                required
                maxLength={200}
                value={referrer}
                onChange={(event) => setReferrer(event.currentTarget.value)}
                error={errorOf('referrer')}
              />
              <TextInput
                label="Their contact"
                description="Phone, email or postal address"
                maxLength={300}
                value={referrerContact}
                onChange={(event) => setReferrerContact(event.currentTarget.value)}
                error={errorOf('referrerContact')}
              />
            </>
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Create intake
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
