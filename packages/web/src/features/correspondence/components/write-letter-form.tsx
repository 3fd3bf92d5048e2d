import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type ComposedLetterBody,
  type ComposeLetterInput,
  LETTER_LANGUAGES,
  LETTER_TEMPLATE_KEYS,
  LETTER_TEMPLATE_TITLES,
  type LetterLanguage,
  type LetterTemplateKey,
  type PersonView,
} from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { useSession } from '../../session/session-context';
import { usePersonTeam } from '../../visits/hooks/use-person-team';
import { useComposeLetter } from '../api/compose-letter';
import { useLetterTemplates } from '../api/list-letter-templates';
import { extraLetterFields, fieldLabel, isDateField, isMultilineField, LANGUAGE_LABELS } from '../letter-fields';

/** Templates written from the person page; the visit request letter is written from the visit. */
const PERSON_TEMPLATES = LETTER_TEMPLATE_KEYS.filter((key) => key !== 'attorney_visit_request');

type WriteLetterFormProps = {
  person: PersonView;
  onDone: (letter: ComposedLetterBody) => void;
  onCancel: () => void;
  onReleaseHold: () => void;
};

/** A letter from a template, merged with the record and ready to print; refused while mail is held. */
export function WriteLetterForm({ person, onDone, onCancel, onReleaseHold }: WriteLetterFormProps) {
  const { user } = useSession();
  const team = usePersonTeam(person);
  const templates = useLetterTemplates();
  const attorneys = team.members.filter((member) => member.role === 'attorney');
  const [template, setTemplate] = useState<LetterTemplateKey>('acknowledgement');
  const [language, setLanguage] = useState<LetterLanguage>(
    person.preferredLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en',
  );
  const [senderUserId, setSenderUserId] = useState(user.role === 'attorney' ? user.id : '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [isLegalMail, setIsLegalMail] = useState(true);
  const mutation = useComposeLetter();
  const errors = serverFieldErrors(mutation.error);
  const isMailHold = isApiError(mutation.error) && mutation.error.code === 'mail.hold';

  const used = templates.data?.items.find((item) => item.key === template)?.fields.map((field) => field.name);
  const extra = extraLetterFields(template, used);
  const chosenSender = senderUserId || (attorneys.length > 0 ? (attorneys[0]?.userId ?? '') : '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed: Record<string, string> = {};
    for (const field of extra) {
      const value = fields[field.name]?.trim();
      if (value) typed[field.name] = value;
    }
    const input: ComposeLetterInput = {
      template,
      language,
      personId: person.id,
      fields: typed,
      legalMail: isLegalMail,
    };
    if (chosenSender) input.senderUserId = chosenSender;
    mutation.mutate(input, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Write a letter from a template">
      <Stack gap="md">
        {isMailHold ? (
          <Alert
            color="red"
            title="Mail is on hold: the letter was not written"
            role="alert"
            data-testid="mail-hold-refusal"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{mutation.error?.message}</Text>
              {person.viewer.canWrite && (
                <Anchor component="button" type="button" size="sm" onClick={onReleaseHold}>
                  Release the mail hold once the new address is confirmed
                </Anchor>
              )}
            </Stack>
          </Alert>
        ) : (
          <FormAlert
            error={mutation.error}
            fields={['template', 'language', 'senderUserId', 'legalMail', ...extra.map((field) => field.name)]}
            title="Could not write the letter"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Template"
            value={template}
            data={PERSON_TEMPLATES.map((key) => ({ value: key, label: LETTER_TEMPLATE_TITLES[key] }))}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isOneOf(LETTER_TEMPLATE_KEYS, value)) setTemplate(value);
            }}
            error={errors.template}
          />
          <NativeSelect
            label="Language"
            value={language}
            data={LETTER_LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] ?? value }))}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isOneOf(LETTER_LANGUAGES, value)) setLanguage(value);
            }}
            error={errors.language}
          />
        </SimpleGrid>
        <NativeSelect
          label="Sender attorney"
          description="Legal mail carries the attorney's name, title and State Bar address (their attorney profile)."
          value={chosenSender}
          data={[
            ...(attorneys.length === 0 ? [{ value: '', label: team.isPending ? 'Loading the team…' : 'You' }] : []),
            ...attorneys.map((attorney) => ({ value: attorney.userId, label: attorney.name })),
          ]}
          onChange={(event) => setSenderUserId(event.currentTarget.value)}
          error={errors.senderUserId}
        />
        {extra.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {extra.map((field) => {
              const common = {
                label: fieldLabel(field.name),
                description: field.description,
                value: fields[field.name] ?? '',
                error: errors[field.name] ?? errors.fields,
                onChange: (event: { currentTarget: { value: string } }) =>
                  setFields({ ...fields, [field.name]: event.currentTarget.value }),
              };
              return isMultilineField(field.name) ? (
                <Textarea key={field.name} autosize minRows={2} maxLength={5000} {...common} />
              ) : (
                <TextInput
                  key={field.name}
                  type={isDateField(field.name) ? 'date' : 'text'}
                  maxLength={5000}
                  {...common}
                />
              );
            })}
          </SimpleGrid>
        )}
        <Checkbox
          label="Legal mail"
          description="Marks the envelope as confidential legal mail (CDCR) or special mail (BOP), from the attorney."
          checked={isLegalMail}
          onChange={(event) => setIsLegalMail(event.currentTarget.checked)}
          error={errors.legalMail}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Write letter
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
