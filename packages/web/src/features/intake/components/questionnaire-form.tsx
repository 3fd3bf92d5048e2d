import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { errorUnder, type PathErrors } from '../../people/detail-errors';
import {
  QUESTIONNAIRE_FIELDS,
  QUESTIONNAIRE_SECTIONS,
  type QuestionnaireDraft,
  type QuestionnaireField,
  questionnaireFieldId,
} from '../questionnaire-fields';
import { PathFormAlert } from './path-form-alert';

type QuestionnaireFormProps = {
  draft: QuestionnaireDraft;
  onChange: (draft: QuestionnaireDraft) => void;
  onSave: () => void;
  isSaving: boolean;
  isDirty: boolean;
  isReadOnly: boolean;
  error: unknown;
  errors: PathErrors;
};

const NAMES = Object.fromEntries(QUESTIONNAIRE_FIELDS.map((field) => [`questionnaire.${field.path}`, field.label]));
const PATHS = QUESTIONNAIRE_FIELDS.map((field) => `questionnaire.${field.path}`);

function FieldControl({
  field,
  value,
  error,
  isReadOnly,
  onChange,
}: {
  field: QuestionnaireField;
  value: string;
  error: string | undefined;
  isReadOnly: boolean;
  onChange: (value: string) => void;
}) {
  const id = questionnaireFieldId(field.path);
  const common = { id, label: field.label, description: field.description, error, disabled: isReadOnly };
  switch (field.kind) {
    case 'select':
      return (
        <NativeSelect
          {...common}
          data={field.options ?? []}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput {...common} type="date" value={value} onChange={(event) => onChange(event.currentTarget.value)} />
      );
    case 'text':
    case 'lines':
      return (
        <Textarea
          {...common}
          autosize
          minRows={field.kind === 'lines' ? 2 : 3}
          maxRows={12}
          maxLength={field.kind === 'text' ? field.max : undefined}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'checks': {
      const chosen = value ? value.split(',') : [];
      return (
        <Checkbox.Group
          id={id}
          label={field.label}
          value={chosen}
          onChange={(next) => onChange(next.join(','))}
          error={error}
        >
          <Group gap="md" mt={6}>
            {(field.options ?? []).map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} disabled={isReadOnly} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    }
    default:
      return (
        <TextInput
          {...common}
          maxLength={field.max}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/** The common intake questionnaire in sections, filled from the letter; saved section by section. */
export function QuestionnaireForm({
  draft,
  onChange,
  onSave,
  isSaving,
  isDirty,
  isReadOnly,
  error,
  errors,
}: QuestionnaireFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave();
  };
  const wide = (field: QuestionnaireField) => field.kind === 'text' || field.kind === 'checks';

  return (
    <form onSubmit={submit} noValidate aria-label="Intake questionnaire">
      <Stack gap="md">
        <PathFormAlert error={error} paths={PATHS} names={NAMES} title="Could not save the questionnaire" />
        {isReadOnly && <Text size="sm">This intake is decided. Reopen it to change the questionnaire.</Text>}
        {QUESTIONNAIRE_SECTIONS.map((section) => (
          <Fieldset key={section.key} legend={section.legend}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {section.fields.map((field) => (
                <div key={field.path} style={wide(field) ? { gridColumn: '1 / -1' } : undefined}>
                  <FieldControl
                    field={field}
                    value={draft[field.path] ?? ''}
                    error={errorUnder(errors, `questionnaire.${field.path}`)}
                    isReadOnly={isReadOnly}
                    onChange={(value) => onChange({ ...draft, [field.path]: value })}
                  />
                </div>
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        {!isReadOnly && (
          <Group
            gap="sm"
            style={{
              position: 'sticky',
              bottom: 0,
              background: 'var(--mantine-color-body)',
              paddingBlock: 8,
              zIndex: 1,
            }}
          >
            <Button type="submit" loading={isSaving} disabled={!isDirty}>
              Save questionnaire
            </Button>
            <Text size="sm" role="status">
              {isDirty ? 'Unsaved changes' : ''}
            </Text>
          </Group>
        )}
      </Stack>
    </form>
  );
}
