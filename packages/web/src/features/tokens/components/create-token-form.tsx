import { Button, Checkbox, Fieldset, Input, Stack, TextInput } from '@mantine/core';
import { CreateTokenInput, TOKEN_SCOPES, type TokenScope } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, issuesToFieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useCreateToken } from '../api/create-token';

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;

const SCOPE_TEXT: Record<TokenScope, { label: string; description: string }> = {
  read: { label: 'Read', description: 'Read records you can see.' },
  write: { label: 'Write', description: 'Create and change records you can change.' },
  admin: { label: 'Admin', description: 'Administration, if your role allows it.' },
};

type CreateTokenFormProps = { onCreated: (token: string) => void };

export function CreateTokenForm({ onCreated }: CreateTokenFormProps) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<readonly TokenScope[]>(['read']);
  const [expiresInDays, setExpiresInDays] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useCreateToken();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const toggleScope = (scope: TokenScope, isChecked: boolean) =>
    setScopes(isChecked ? [...scopes, scope] : scopes.filter((s) => s !== scope));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const days = expiresInDays.trim();
    const parsed = CreateTokenInput.safeParse({
      name,
      scopes: TOKEN_SCOPES.filter((s) => scopes.includes(s)),
      ...(days ? { expiresInDays: Number(days) } : {}),
    });
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, {
      onSuccess: (created) => {
        setName('');
        setScopes(['read']);
        setExpiresInDays('');
        onCreated(created.token);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not create the token" />
        <TextInput
          label="Token name"
          description="What the token is for, e.g. the name of the integration."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <Fieldset
          legend="Scopes"
          variant="unstyled"
          aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}
        >
          <Stack gap="xs">
            {TOKEN_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                label={SCOPE_TEXT[scope].label}
                description={SCOPE_TEXT[scope].description}
                checked={scopes.includes(scope)}
                onChange={(event) => toggleScope(scope, event.currentTarget.checked)}
              />
            ))}
            {errors.scopes && <Input.Error id="token-scopes-error">{errors.scopes}</Input.Error>}
          </Stack>
        </Fieldset>
        <TextInput
          label="Expires after (days)"
          description="Leave empty for a token that does not expire."
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(event.currentTarget.value)}
          error={errors.expiresInDays}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          Create token
        </Button>
      </Stack>
    </form>
  );
}
