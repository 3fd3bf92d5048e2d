import {
  Alert,
  Box,
  Button,
  Checkbox,
  Container,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  isCalendarDate,
  PUBLIC_INTAKE_MAX_BYTES,
  type PublicFormLanguage,
  type PublicIntakeFormView,
  type PublicIntakeInput,
  publicIntakeForm,
} from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '../../../components/form-alert';
import { pathErrors } from '../../people/detail-errors';
import { useSubmitPublicIntake } from '../api/submit-public-intake';
import { PUBLIC_FORM_TEXT, type PublicFormText } from '../public-form-text';

const routeApi = getRouteApi('/apply');

type Field = PublicIntakeFormView['fields'][number];
type Kind = 'line' | 'text' | 'date' | 'select' | 'checks';

/** How each field is typed in and its longest answer, as the shared schema limits them. */
const SHAPES: Record<string, { kind: Kind; max?: number; autoComplete?: string }> = {
  'submittedBy.name': { kind: 'line', max: 200, autoComplete: 'name' },
  'submittedBy.relationship': { kind: 'line', max: 100 },
  'submittedBy.contact': { kind: 'text', max: 300 },
  'questionnaire.background.name': { kind: 'line', max: 200 },
  'questionnaire.background.prisonerNumber': { kind: 'line', max: 64 },
  'questionnaire.background.numberSystem': { kind: 'select' },
  'questionnaire.background.facilityName': { kind: 'line', max: 200 },
  'questionnaire.background.jurisdiction': { kind: 'line', max: 2 },
  'questionnaire.background.dateOfBirth': { kind: 'date' },
  'questionnaire.conviction.offence': { kind: 'text', max: 1000 },
  'questionnaire.conviction.county': { kind: 'line', max: 100 },
  'questionnaire.conviction.caseNumber': { kind: 'line', max: 100 },
  'questionnaire.conviction.convictionDate': { kind: 'date' },
  'questionnaire.conviction.sentence': { kind: 'text', max: 1000 },
  'questionnaire.claim.claimType': { kind: 'select' },
  'questionnaire.claim.innocenceClaim': { kind: 'text', max: 10_000 },
  'questionnaire.claim.whyWronglyConvicted': { kind: 'text', max: 10_000 },
  'questionnaire.evidence.dnaTestable': { kind: 'select' },
  'questionnaire.materials.has': { kind: 'checks' },
};

const shapeOf = (field: Field) => SHAPES[field.path] ?? { kind: field.options ? 'select' : 'line', max: 1000 };

type SectionKey = keyof PublicFormText['sections'];
const sectionOf = (path: string): SectionKey => {
  if (path.startsWith('submittedBy.')) return 'you';
  if (path.startsWith('questionnaire.background.')) return 'person';
  if (path.startsWith('questionnaire.conviction.')) return 'conviction';
  return 'case';
};
const SECTION_ORDER: readonly SectionKey[] = ['you', 'person', 'conviction', 'case'];

type Values = Record<string, string>;

const setAt = (target: Record<string, unknown>, path: string, value: unknown) => {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next && typeof next === 'object') node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[segment] = created;
      node = created;
    }
  }
  const last = segments[segments.length - 1];
  if (last) node[last] = value;
};

/** The body to send: empty answers are left out; the materials are a list; text is sent as typed. */
const toBody = (fields: readonly Field[], values: Values, language: PublicFormLanguage, website: string) => {
  const body: Record<string, unknown> = { language, submittedBy: {}, questionnaire: { background: { language } } };
  if (website) body.website = website;
  for (const field of fields) {
    const raw = values[field.path] ?? '';
    const { kind } = shapeOf(field);
    if (kind === 'checks') {
      const chosen = raw.split(',').filter(Boolean);
      if (chosen.length > 0) setAt(body, field.path, chosen);
      continue;
    }
    const value = kind === 'text' ? raw.trim() && raw : raw.trim();
    if (!value) continue;
    setAt(body, field.path, field.path.endsWith('.jurisdiction') ? value.toUpperCase() : value);
  }
  return body as PublicIntakeInput;
};

const clientErrorsOf = (fields: readonly Field[], values: Values, text: PublicFormText): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.path] ?? '').trim();
    const { kind, max } = shapeOf(field);
    if (field.isRequired && !value) errors[field.path] = text.required;
    else if (max && value.length > max) errors[field.path] = text.tooLong(max);
    else if (kind === 'date' && value && !isCalendarDate(value)) errors[field.path] = text.notDate;
    else if (field.path.endsWith('.jurisdiction') && value && !/^[a-zA-Z]{2}$/.test(value)) {
      errors[field.path] = text.jurisdiction;
    }
  }
  return errors;
};

const fieldId = (path: string) => `apply-${path.replace(/\./g, '-')}`;

function PublicField({
  field,
  value,
  error,
  text,
  onChange,
}: {
  field: Field;
  value: string;
  error: string | undefined;
  text: PublicFormText;
  onChange: (value: string) => void;
}) {
  const { kind, max, autoComplete } = shapeOf(field);
  const common = {
    id: fieldId(field.path),
    label: field.label,
    description: field.help ?? undefined,
    required: field.isRequired,
    error,
  };
  if (kind === 'checks') {
    return (
      <Checkbox.Group
        id={common.id}
        label={field.label}
        description={common.description}
        error={error}
        value={value ? value.split(',') : []}
        onChange={(next) => onChange(next.join(','))}
      >
        <Stack gap={6} mt={6}>
          {(field.options ?? []).map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  if (kind === 'select') {
    return (
      <NativeSelect
        {...common}
        data={[{ value: '', label: text.choose }, ...(field.options ?? [])]}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  if (kind === 'text') {
    return (
      <Textarea
        {...common}
        autosize
        minRows={max && max > 1000 ? 5 : 3}
        maxRows={16}
        maxLength={max}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={kind === 'date' ? 'date' : 'text'}
      maxLength={max}
      autoComplete={autoComplete ?? 'off'}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/**
 * The public intake form (no sign-in) for families and advocates, in English or Spanish. Plain text
 * only; a hidden `website` field catches bots that fill every field.
 */
export function PublicIntakePage() {
  const { language } = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const text = PUBLIC_FORM_TEXT[language];
  const form = publicIntakeForm(language);
  const submission = useSubmitPublicIntake();
  const [values, setValues] = useState<Values>({});
  const [website, setWebsite] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [tooLarge, setTooLarge] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${form.title} · Redress`;
    const previous = document.documentElement.lang;
    document.documentElement.lang = language;
    return () => {
      document.documentElement.lang = previous;
    };
  }, [form.title, language]);

  const server = pathErrors(submission.error);
  const errorOf = (path: string) => clientErrors[path] ?? server[path];
  const paths = form.fields.map((field) => field.path);
  const unplaced = Object.entries(server).filter(([path]) => !paths.includes(path));
  const hasErrors = Object.keys(clientErrors).length > 0 || tooLarge || Boolean(submission.error);

  useEffect(() => {
    if (hasErrors) alertRef.current?.focus();
  }, [hasErrors]);
  useEffect(() => {
    if (submission.isSuccess) doneRef.current?.focus();
  }, [submission.isSuccess]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientErrorsOf(form.fields, values, text);
    const body = toBody(form.fields, values, language, website);
    const isTooLarge = new TextEncoder().encode(JSON.stringify(body)).byteLength > PUBLIC_INTAKE_MAX_BYTES;
    setClientErrors(found);
    setTooLarge(isTooLarge);
    submission.reset();
    if (Object.keys(found).length > 0 || isTooLarge) return;
    submission.mutate(body);
  };

  const startOver = () => {
    setValues({});
    setWebsite('');
    setClientErrors({});
    submission.reset();
  };

  return (
    <Box mih="100vh" bg="gray.0" lang={language}>
      <Box component="header" py="md" px="lg">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            Redress
          </Text>
          <SegmentedControl
            aria-label={text.switchTo}
            value={language}
            onChange={(value) => void navigate({ search: { language: value === 'es' ? 'es' : 'en' }, replace: true })}
            data={[
              { value: 'en', label: <span lang="en">English</span> },
              { value: 'es', label: <span lang="es">Español</span> },
            ]}
          />
        </Group>
      </Box>
      <Container component="main" id="main" size={720} py="lg">
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
          {submission.isSuccess ? (
            <Stack gap="md" ref={doneRef} tabIndex={-1} data-testid="public-intake-received">
              <Title order={1} size="h2">
                {text.receivedTitle}
              </Title>
              <Text role="status">
                {form.received}{' '}
                <Text span fw={700} fz="lg" data-testid="public-intake-reference">
                  {submission.data.reference}
                </Text>
              </Text>
              <Text>{text.keepReference}</Text>
              <Button variant="default" onClick={startOver} style={{ alignSelf: 'flex-start' }}>
                {text.another}
              </Button>
            </Stack>
          ) : (
            <Stack gap="lg">
              <Title order={1} size="h2">
                {form.title}
              </Title>
              <Text>{form.introduction}</Text>
              <Text size="sm">{text.privacy}</Text>
              <form onSubmit={submit} noValidate aria-label={form.title}>
                <Stack gap="lg">
                  {hasErrors && (
                    <Alert color="red" title={text.errorTitle} role="alert" ref={alertRef} tabIndex={-1}>
                      <Text size="sm">
                        {submission.error
                          ? describeError(submission.error)
                          : tooLarge
                            ? text.bodyTooLarge
                            : text.errorIntro}
                      </Text>
                      {unplaced.length > 0 && (
                        <List size="sm" mt="xs">
                          {unplaced.map(([path, message]) => (
                            <List.Item key={path}>{path === '_' ? message : `${path}: ${message}`}</List.Item>
                          ))}
                        </List>
                      )}
                    </Alert>
                  )}
                  <Text size="sm">{text.requiredNote}</Text>
                  {SECTION_ORDER.map((section) => (
                    <Fieldset key={section} legend={text.sections[section]}>
                      <Stack gap="sm">
                        {form.fields
                          .filter((field) => sectionOf(field.path) === section)
                          .map((field) => (
                            <PublicField
                              key={field.path}
                              field={field}
                              value={values[field.path] ?? ''}
                              error={errorOf(field.path)}
                              text={text}
                              onChange={(value) => setValues({ ...values, [field.path]: value })}
                            />
                          ))}
                      </Stack>
                    </Fieldset>
                  ))}
                  {/* A trap for bots: hidden from people and from assistive technology. */}
                  <div
                    aria-hidden="true"
                    style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
                  >
                    <label htmlFor="apply-website">{text.honeypot}</label>
                    <input
                      id="apply-website"
                      name="website"
                      type="text"
                      tabIndex={-1}
                      autoComplete="off"
                      value={website}
                      onChange={(event) => setWebsite(event.currentTarget.value)}
                    />
                  </div>
                  <Group>
                    <Button type="submit" size="md" loading={submission.isPending}>
                      {form.submit}
                    </Button>
                    <Text size="sm" role="status">
                      {submission.isPending ? text.submitting : ''}
                    </Text>
                  </Group>
                </Stack>
              </form>
            </Stack>
          )}
        </Paper>
      </Container>
    </Box>
  );
}
