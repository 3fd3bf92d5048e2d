import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  AUTHORITIES,
  AUTHORITY_LABELS,
  type Authority,
  SENTENCE_EVENT_KINDS,
  SENTENCE_TYPES,
  type SentenceEventInput,
  type SentenceEventKind,
  type SentenceType,
} from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { errorUnder, pathErrors } from '../../people/detail-errors';
import { isOneOf } from '../../people/labels';
import { usePersonDocuments } from '../../person-documents/api/person-documents';
import { useAddSentenceEvent } from '../api/add-sentence-event';
import {
  buildTerm,
  isExecutionMethod,
  METHOD_OPTIONS,
  needsMonths,
  SENTENCE_EVENT_KIND_OPTIONS,
  TERM_EVENT_KINDS,
  TERM_TYPE_OPTIONS,
} from '../sentence-terms';

const FIELDS = [
  'kind',
  'date',
  'authority',
  'authorityName',
  'term',
  'executionMethod',
  'note',
  'documentId',
  'events',
] as const;
const AUTHORITY_OPTIONS = [
  { value: '', label: 'Not recorded' },
  ...AUTHORITIES.map((value) => ({ value, label: AUTHORITY_LABELS[value] })),
];

type SentenceEventFormProps = {
  personId: string;
  convictionId: string;
  onDone: (label: string) => void;
  onCancel: () => void;
};

/**
 * A sentence event: the term is asked for only by the events that set one, the execution method only
 * where it applies. The server checks the whole history and says (422) which field does not fit.
 */
export function SentenceEventForm({ personId, convictionId, onDone, onCancel }: SentenceEventFormProps) {
  const [kind, setKind] = useState<SentenceEventKind>('imposed');
  const [date, setDate] = useState('');
  const [authority, setAuthority] = useState<Authority | ''>('');
  const [authorityName, setAuthorityName] = useState('');
  const [termType, setTermType] = useState<SentenceType>('death');
  const [minYears, setMinYears] = useState<string>('');
  const [months, setMonths] = useState<string>('');
  const [method, setMethod] = useState('');
  const [note, setNote] = useState('');
  const [documentId, setDocumentId] = useState('');
  const documents = usePersonDocuments(personId);
  const mutation = useAddSentenceEvent(personId);
  const errors = pathErrors(mutation.error);

  const hasTerm = TERM_EVENT_KINDS.has(kind);
  const hasMethod = kind === 'execution_method_set' || (hasTerm && termType === 'death');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: SentenceEventInput = { kind, date };
    if (authority) input.authority = authority;
    if (authorityName.trim()) input.authorityName = authorityName.trim();
    if (hasTerm) input.term = buildTerm(termType, minYears, months);
    if (hasMethod && isExecutionMethod(method)) input.executionMethod = method;
    if (note.trim()) input.note = note;
    if (documentId) input.documentId = documentId;
    mutation.mutate(
      { convictionId, event: input },
      { onSuccess: (history) => onDone(history.event?.label ?? 'Sentence event added') },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not add the sentence event" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Kind"
            data={SENTENCE_EVENT_KIND_OPTIONS}
            value={kind}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(SENTENCE_EVENT_KINDS, value)) setKind(value);
            }}
            error={errors.kind}
          />
          <TextInput
            label="Date"
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={errors.date}
          />
          <NativeSelect
            label="Authority"
            description="Who acted"
            data={AUTHORITY_OPTIONS}
            value={authority}
            onChange={(event) => {
              const { value } = event.currentTarget;
              setAuthority(isOneOf(AUTHORITIES, value) ? value : '');
            }}
            error={errors.authority}
          />
          <TextInput
            label="Authority name"
            description='e.g. "Governor Gavin Newsom"'
            value={authorityName}
            onChange={(event) => setAuthorityName(event.currentTarget.value)}
            error={errors.authorityName}
          />
        </SimpleGrid>
        {hasTerm && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Sentence"
              description={kind === 'commuted' ? 'The term it was commuted to' : 'The term this event sets'}
              data={TERM_TYPE_OPTIONS}
              value={termType}
              onChange={(event) => {
                const { value } = event.currentTarget;
                if (isOneOf(SENTENCE_TYPES, value)) setTermType(value);
              }}
              error={errors.term ?? errors['term.type']}
            />
            {termType === 'indeterminate' && (
              <NumberInput
                label="Minimum years"
                description='N of "N years to life"'
                min={1}
                max={100}
                allowDecimal={false}
                value={minYears}
                onChange={(value) => setMinYears(String(value))}
                error={errors['term.minYears']}
              />
            )}
            {needsMonths(termType) && (
              <NumberInput
                label="Length in months"
                min={1}
                max={1200}
                allowDecimal={false}
                value={months}
                onChange={(value) => setMonths(String(value))}
                error={errors['term.months']}
              />
            )}
          </SimpleGrid>
        )}
        {hasMethod && (
          <NativeSelect
            label="Execution method"
            data={[
              { value: '', label: kind === 'execution_method_set' ? 'Choose a method' : 'Not set' },
              ...METHOD_OPTIONS,
            ]}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value)}
            error={errors.executionMethod}
          />
        )}
        <NativeSelect
          label="Document"
          description="The order, warrant or grant, from the person's documents"
          data={[
            { value: '', label: 'None' },
            ...(documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.fileName })),
          ]}
          value={documentId}
          onChange={(event) => setDocumentId(event.currentTarget.value)}
          error={errors.documentId}
        />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errorUnder(errors, 'note')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save sentence event
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
