import { Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type OrgSettingsView, UpdateOrgSettingsInput } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, issuesToFieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useUpdateOrgSettings } from '../api/update-org-settings';

const FIELDS = ['name', 'requireTotp', 'sessionIdleMinutes', 'sessionAbsoluteHours'] as const;

type Draft = { name: string; requireTotp: boolean; sessionIdleMinutes: string; sessionAbsoluteHours: string };

const toDraft = (settings: OrgSettingsView): Draft => ({
  name: settings.name,
  requireTotp: settings.requireTotp,
  sessionIdleMinutes: String(settings.sessionIdleMinutes),
  sessionAbsoluteHours: String(settings.sessionAbsoluteHours),
});

const WHOLE_NUMBER = /^\d+$/;

/** The schema's own message for NaN is technical, so whole-number checks come first, in plain words. */
const numberProblems = (draft: Draft): FieldErrors => {
  const problems: Record<string, string> = {};
  if (!WHOLE_NUMBER.test(draft.sessionIdleMinutes.trim())) problems.sessionIdleMinutes = 'Enter a whole number';
  if (!WHOLE_NUMBER.test(draft.sessionAbsoluteHours.trim())) problems.sessionAbsoluteHours = 'Enter a whole number';
  return problems;
};

export function OrgSettingsForm({ settings }: { settings: OrgSettingsView }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useUpdateOrgSettings();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = numberProblems(draft);
    const parsed = UpdateOrgSettingsInput.safeParse({
      name: draft.name,
      requireTotp: draft.requireTotp,
      sessionIdleMinutes: Number(draft.sessionIdleMinutes),
      sessionAbsoluteHours: Number(draft.sessionAbsoluteHours),
    });
    if (!parsed.success || Object.keys(problems).length > 0) {
      setClientErrors({ ...(parsed.success ? {} : issuesToFieldErrors(parsed.error)), ...problems });
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, { onSuccess: (saved) => setDraft(toDraft(saved)) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={480}>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not save the settings" />
        <TextInput
          label="Organisation name"
          value={draft.name}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={errors.name}
        />
        <Switch
          label="Require two-factor authentication"
          description="Everyone must set up two-factor authentication before they can use Redress."
          checked={draft.requireTotp}
          onChange={(event) => update({ requireTotp: event.currentTarget.checked })}
          error={errors.requireTotp}
        />
        <TextInput
          label="Idle timeout (minutes)"
          description="Sign people out after this long without activity. Between 5 and 1440."
          type="number"
          inputMode="numeric"
          min={5}
          max={1440}
          value={draft.sessionIdleMinutes}
          onChange={(event) => update({ sessionIdleMinutes: event.currentTarget.value })}
          error={errors.sessionIdleMinutes}
        />
        <TextInput
          label="Maximum session length (hours)"
          description="Sign people out after this long, even if active. Between 1 and 720."
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          value={draft.sessionAbsoluteHours}
          onChange={(event) => update({ sessionAbsoluteHours: event.currentTarget.value })}
          error={errors.sessionAbsoluteHours}
        />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            Save settings
          </Button>
          {mutation.isSuccess && <Text role="status">Settings saved.</Text>}
        </Group>
      </Stack>
    </form>
  );
}
