import {
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { PersonScreeningFacts, PersonView } from '@redress/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { convictionTitle } from '../../person/components/conviction-card';
import { useScreeningFacts } from '../api/get-screening-facts';
import { useUpdateScreeningFacts } from '../api/update-screening-facts';
import { factErrors, getAt, linesOf, setAt } from '../facts-paths';
import { THEORY_OPTIONS } from '../labels';

type Facts = PersonScreeningFacts;
type Litigation = NonNullable<Facts['pending_litigation']>[number];

const UNKNOWN = { value: '', label: 'Unknown' };
const TRI_STATE = [UNKNOWN, { value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

const SCHEME_OPTIONS = [
  UNKNOWN,
  { value: 'none', label: 'Neither' },
  { value: 'three_strikes', label: 'Three strikes' },
  { value: 'one_strike', label: 'One strike' },
  { value: 'both', label: 'Three strikes and one strike' },
];
const SCHEMES: Record<string, Facts['sentencing_schemes']> = {
  none: [],
  three_strikes: ['three_strikes'],
  one_strike: ['one_strike'],
  both: ['three_strikes', 'one_strike'],
};
const schemeValue = (schemes: Facts['sentencing_schemes']): string => {
  if (!schemes) return '';
  const has3 = schemes.includes('three_strikes');
  const has1 = schemes.includes('one_strike');
  return has3 && has1 ? 'both' : has3 ? 'three_strikes' : has1 ? 'one_strike' : 'none';
};

const MOTION_OPTIONS = [
  { value: '', label: 'None recorded' },
  { value: 'denied_on_merits', label: 'Denied on the merits' },
  { value: 'granted', label: 'Granted' },
  { value: 'denied_other', label: 'Denied for another reason' },
];

const REFERRAL_OPTIONS = [
  { value: '', label: 'None recorded' },
  { value: 'cdcr_secretary', label: 'CDCR Secretary' },
  { value: 'bph', label: 'Board of Parole Hearings' },
  { value: 'district_attorney', label: 'District attorney' },
  { value: 'attorney_general', label: 'Attorney General' },
  { value: 'county_correctional_administrator', label: 'County correctional administrator' },
];

const JURISDICTION_OPTIONS = [
  { value: '', label: 'From the convictions' },
  { value: 'CA', label: 'California' },
  { value: 'US', label: 'Federal' },
];

/** The id of the control for a facts path, so a missing fact can take the user straight to it. */
export const factFieldId = (path: string): string => `screening-fact-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** The form's path for a missing fact named by the engine ("custody.continuous", "convictions[].findings"). */
export const factPathOf = (field: string, firstConvictionId: string | undefined): string => {
  const path = field
    .replace(/^custody\.custody_start$/, 'custody_start')
    .replace(/^custody\.continuous$/, 'custody_continuous')
    .replace(/^custody\.expected_release_date$/, 'expected_release_date');
  if (path.startsWith('convictions[].') && firstConvictionId) {
    return path.replace('convictions[]', `convictions.${firstConvictionId}`);
  }
  return path;
};

const bool = (value: unknown): string => (value === true ? 'yes' : value === false ? 'no' : '');
const fromBool = (value: string): boolean | undefined => (value === 'yes' ? true : value === 'no' ? false : undefined);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const lines = (value: unknown): string => (Array.isArray(value) ? value.join('\n') : '');

type ScreeningFactsDialogBodyProps = {
  person: PersonView;
  focusPath?: string | undefined;
  onDone: () => void;
  onCancel: () => void;
};

/** Loads the person's screening facts, then the form. */
export function ScreeningFactsDialogBody({ person, focusPath, onDone, onCancel }: ScreeningFactsDialogBodyProps) {
  const facts = useScreeningFacts(person.id);
  if (facts.isPending) return <PageLoader label="Loading the screening facts" />;
  if (facts.isError) {
    return <QueryError error={facts.error} what="the screening facts" onRetry={() => void facts.refetch()} />;
  }
  return (
    <ScreeningFactsForm person={person} facts={facts.data} focusPath={focusPath} onDone={onDone} onCancel={onCancel} />
  );
}

type ScreeningFactsFormProps = ScreeningFactsDialogBodyProps & { facts: Facts };

/**
 * The facts screening needs that the rest of the case file does not hold. Every field may stay
 * "Unknown": a missing fact is never read as false. The server's errors appear next to their fields.
 */
export function ScreeningFactsForm({ person, facts, focusPath, onDone, onCancel }: ScreeningFactsFormProps) {
  const [draft, setDraft] = useState<Facts>(facts);
  const mutation = useUpdateScreeningFacts();
  const errors = factErrors(mutation.error);
  const placed = new Set<string>();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusPath) return;
    const target = formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(factFieldId(focusPath))}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [focusPath]);

  const set = (path: string, value: unknown) => setDraft((current) => setAt(current, path.split('.'), value));
  const value = (path: string) => getAt(draft, path.split('.'));
  const errorAt = (path: string) => {
    placed.add(path);
    return errors[path];
  };

  const triState = (path: string, label: string, description?: string) => (
    <NativeSelect
      id={factFieldId(path)}
      label={label}
      description={description}
      data={TRI_STATE}
      value={bool(value(path))}
      onChange={(event) => set(path, fromBool(event.currentTarget.value))}
      error={errorAt(path)}
    />
  );
  const dateField = (path: string, label: string, description?: string) => (
    <TextInput
      id={factFieldId(path)}
      type="date"
      label={label}
      description={description}
      value={text(value(path))}
      onChange={(event) => set(path, event.currentTarget.value || undefined)}
      error={errorAt(path)}
    />
  );
  const textField = (path: string, label: string, description?: string) => (
    <TextInput
      id={factFieldId(path)}
      label={label}
      description={description}
      value={text(value(path))}
      onChange={(event) => set(path, event.currentTarget.value || undefined)}
      error={errorAt(path)}
    />
  );
  const numberField = (path: string, label: string, description?: string) => (
    <TextInput
      id={factFieldId(path)}
      type="number"
      min={0}
      step={1}
      label={label}
      description={description}
      value={text(value(path))}
      onChange={(event) => {
        const raw = event.currentTarget.value;
        set(path, raw === '' || Number.isNaN(Number(raw)) ? undefined : Number(raw));
      }}
      error={errorAt(path)}
    />
  );
  const selectField = (path: string, label: string, data: { value: string; label: string }[], description?: string) => (
    <NativeSelect
      id={factFieldId(path)}
      label={label}
      description={description}
      data={data}
      value={text(value(path))}
      onChange={(event) => set(path, event.currentTarget.value || undefined)}
      error={errorAt(path)}
    />
  );
  const listField = (path: string, label: string, description: string) => (
    <ListTextarea
      key={path}
      id={factFieldId(path)}
      label={label}
      description={description}
      initial={lines(value(path))}
      onChange={(list) => set(path, list)}
      error={errorAt(path)}
    />
  );

  const custody = (
    <Fieldset legend="Jurisdiction and custody">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {selectField('jurisdiction', 'Law that screens this person', JURISDICTION_OPTIONS)}
        {dateField('custody_start', 'Start of continuous custody', 'Leave empty to take it from the placements')}
        {triState('custody_continuous', 'Custody has been continuous')}
        {dateField('expected_release_date', 'Expected release date')}
      </SimpleGrid>
    </Fieldset>
  );

  const history = (
    <Fieldset legend="Sentencing and criminal history">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={factFieldId('sentencing_schemes')}
          label="Sentencing schemes"
          data={SCHEME_OPTIONS}
          value={schemeValue(draft.sentencing_schemes)}
          onChange={(event) => set('sentencing_schemes', SCHEMES[event.currentTarget.value])}
          error={errorAt('sentencing_schemes')}
        />
        {numberField('prior_strikes', 'Prior strikes')}
        {listField('prior_super_strikes', 'Prior super strikes', 'One statute per line')}
        {listField('prior_felony_convictions', 'Prior felony convictions', 'One statute per line')}
        {triState('pc290_registrant', 'PC 290 registrant')}
        {triState('charging_document_allowed_imputed_malice', 'Charging document allowed imputed malice')}
        {triState('criminal_history.escape_history', 'History of escape')}
        {triState('criminal_history.prior_violent_or_sex_convictions', 'Prior violent or sex convictions')}
      </SimpleGrid>
    </Fieldset>
  );

  const medical = (
    <Fieldset legend="Medical determinations">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {textField('medical.diagnosis', 'Diagnosis')}
        {triState(
          'medical.serious_advanced_illness_end_of_life',
          'Serious advanced illness with an end-of-life trajectory',
        )}
        {triState('medical.permanent_incapacity_adl', 'Permanently unable to perform activities of daily living')}
        {triState('medical.requires_24_hour_care', 'Requires 24-hour care')}
        {triState('medical.incapacity_existed_at_sentencing', 'Incapacity existed at sentencing')}
        <NativeSelect
          id={factFieldId('medical.aging_related_serious_deterioration')}
          label="Serious deterioration from ageing"
          data={TRI_STATE}
          value={bool(value('medical.aging_related_serious_deterioration'))}
          onChange={(event) => set('medical.aging_related_serious_deterioration', fromBool(event.currentTarget.value))}
          error={errorAt('medical.aging_related_serious_deterioration')}
        />
      </SimpleGrid>
    </Fieldset>
  );

  const federal = (
    <Fieldset legend="Federal requests and motions">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {dateField('bop_request.warden_received', 'Warden received the release request on')}
        {triState('bop_request.denied', 'The warden denied the request')}
        {dateField('bop_request.appeals_exhausted', 'Administrative appeals exhausted on')}
        <NativeSelect
          id={factFieldId('prior_404_motion')}
          label="Earlier First Step Act § 404 motion"
          data={MOTION_OPTIONS}
          value={text(value('prior_404_motion.outcome'))}
          onChange={(event) => {
            const outcome = event.currentTarget.value;
            set('prior_404_motion', outcome ? { outcome } : undefined);
          }}
          error={errorAt('prior_404_motion') ?? errorAt('prior_404_motion.outcome')}
        />
        <NativeSelect
          id={factFieldId('referral')}
          label="Referral for recall and resentencing by"
          data={REFERRAL_OPTIONS}
          value={text(value('referral.by'))}
          onChange={(event) => {
            const by = event.currentTarget.value;
            set('referral', by ? { ...(draft.referral ?? {}), by } : undefined);
          }}
          error={errorAt('referral') ?? errorAt('referral.by')}
        />
        {draft.referral && dateField('referral.date', 'Referral date')}
      </SimpleGrid>
    </Fieldset>
  );

  const litigation = draft.pending_litigation ?? [];
  const setLitigation = (next: Litigation[]) => set('pending_litigation', next.length > 0 ? next : undefined);
  const litigationFields = (
    <Fieldset legend="Pending litigation">
      <Stack gap="sm">
        {litigation.length === 0 && <Text size="sm">None recorded.</Text>}
        {litigation.map((item, index) => {
          const at = `pending_litigation.${index}`;
          const update = (changes: Partial<Litigation>) =>
            setLitigation(litigation.map((other, i) => (i === index ? { ...other, ...changes } : other)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own and are only appended or removed
            <Group key={index} align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                id={factFieldId(`${at}.type`)}
                label={`Proceeding ${index + 1} type`}
                description="For example 28 U.S.C. 2255"
                value={item.type}
                onChange={(event) => update({ type: event.currentTarget.value })}
                error={errorAt(`${at}.type`)}
              />
              <TextInput
                id={factFieldId(`${at}.filed`)}
                type="date"
                label={`Proceeding ${index + 1} filed on`}
                value={item.filed ?? ''}
                onChange={(event) => update({ filed: event.currentTarget.value || null })}
                error={errorAt(`${at}.filed`)}
              />
              <TextInput
                id={factFieldId(`${at}.status`)}
                label={`Proceeding ${index + 1} status`}
                value={item.status ?? ''}
                onChange={(event) => update({ status: event.currentTarget.value || null })}
                error={errorAt(`${at}.status`)}
              />
              <Button variant="default" onClick={() => setLitigation(litigation.filter((_, i) => i !== index))}>
                Remove proceeding {index + 1}
              </Button>
            </Group>
          );
        })}
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setLitigation([...litigation, { type: '', filed: null, status: 'pending' }])}
        >
          Add a proceeding
        </Button>
      </Stack>
    </Fieldset>
  );

  const convictions = person.convictions.map((conviction) => {
    const at = `convictions.${conviction.id}`;
    const title = convictionTitle(conviction);
    const statutes = conviction.counts.map((count) => count.statute).join(', ');
    return (
      <Fieldset key={conviction.id} legend={`Conviction: ${title}${statutes ? ` (${statutes})` : ''}`}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id={factFieldId(`${at}.theory_of_liability`)}
            label="Theory of liability"
            data={[UNKNOWN, ...THEORY_OPTIONS.filter((option) => option.value !== 'unknown')]}
            value={text(value(`${at}.theory_of_liability`)).replace(/^unknown$/, '')}
            onChange={(event) => set(`${at}.theory_of_liability`, event.currentTarget.value || undefined)}
            error={errorAt(`${at}.theory_of_liability`)}
          />
          {listField(`${at}.findings`, 'Findings', 'One per line, e.g. special_circumstance_true, intent_to_kill')}
          {triState(`${at}.controlling`, 'Controlling conviction')}
          {triState(`${at}.felony`, 'Felony')}
          {triState(`${at}.sex_offense`, 'Sex offense')}
          {triState(`${at}.crime_of_violence`, 'Crime of violence')}
          {triState(`${at}.victim.peace_officer`, 'The victim was a peace officer')}
          {triState(`${at}.victim.defendant_knew`, 'The defendant knew the victim')}
          {textField(`${at}.drug`, 'Drug', 'For example cocaine base')}
          {numberField(`${at}.term_months`, 'Term in months', 'Determinate and federal terms')}
          {textField(`${at}.sentenced_under`, 'Sentenced under', 'For example 18 U.S.C. 3559(c)')}
          {triState(`${at}.fsa_2010_applied_at_sentencing`, 'Fair Sentencing Act 2010 applied at sentencing')}
          {triState(`${at}.sentence_completed`, 'Sentence completed')}
        </SimpleGrid>
      </Fieldset>
    );
  });

  const unplaced = Object.entries(errors).filter(([path]) => !placed.has(path));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ personId: person.id, facts: draft }, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error ? (
          <Alert color="red" title="Could not save the screening facts" role="alert">
            <Text size="sm">{describeError(mutation.error)}</Text>
            {unplaced.length > 0 && (
              <List size="sm" mt="xs">
                {unplaced.map(([path, message]) => (
                  <List.Item key={path}>{path ? `${path}: ${message}` : message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : null}
        <Text size="sm">Leave a fact as “Unknown” when the record does not say: it is never read as “No”.</Text>
        {custody}
        {history}
        {convictions}
        {medical}
        {federal}
        {litigationFields}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save screening facts
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ListTextareaProps = {
  id: string;
  label: string;
  description: string;
  initial: string;
  onChange: (list: string[] | undefined) => void;
  error: string | undefined;
};

/** A list typed one item per line; the text is kept as typed so a new line can be started. */
function ListTextarea({ id, label, description, initial, onChange, error }: ListTextareaProps) {
  const [value, setValue] = useState(initial);
  return (
    <Textarea
      id={id}
      label={label}
      description={description}
      autosize
      minRows={2}
      value={value}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        onChange(linesOf(event.currentTarget.value));
      }}
      error={error}
    />
  );
}
