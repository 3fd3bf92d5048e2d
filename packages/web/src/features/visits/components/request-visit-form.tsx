import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  defaultVisitorCapacity,
  isAttorneyRepresentative,
  type PersonView,
  type RequestVisitInput,
  VISITOR_CAPACITIES,
  VISITOR_CAPACITY_LABELS,
  type VisitorCapacity,
  type VisitorInput,
} from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useFacilities } from '../../facilities/api/list-facilities';
import { isOneOf } from '../../people/labels';
import { useRequestVisit } from '../api/request-visit';
import { type TeamMember, usePersonTeam } from '../hooks/use-person-team';

type VisitorDraft = {
  userId: string;
  capacity: VisitorCapacity;
  supervisingAttorneyId: string;
  dateOfBirth: string;
  idNumber: string;
  barNumber: string;
  barInGoodStanding: boolean;
  mailingAddress: string;
};

const emptyVisitor = (member: TeamMember | undefined): VisitorDraft => ({
  userId: member?.userId ?? '',
  capacity: (member && defaultVisitorCapacity(member.role)) ?? 'attorney',
  supervisingAttorneyId: '',
  dateOfBirth: '',
  idNumber: '',
  barNumber: '',
  barInGoodStanding: true,
  mailingAddress: '',
});

const toVisitorInput = (draft: VisitorDraft): VisitorInput => {
  const isAttorney = draft.capacity === 'attorney';
  return {
    userId: draft.userId,
    capacity: draft.capacity,
    supervisingAttorneyId: isAttorney ? null : draft.supervisingAttorneyId || null,
    dateOfBirth: draft.dateOfBirth || null,
    idNumber: draft.idNumber.trim() || null,
    barNumber: draft.barNumber.trim() || null,
    barInGoodStanding: isAttorney ? draft.barInGoodStanding : null,
    mailingAddress: draft.mailingAddress.trim() || null,
  };
};

type RequestVisitFormProps = { person: PersonView; onDone: () => void; onCancel: () => void };

/** A legal visit asked of the facility, with the details it asks of each visitor (15 CCR § 3178). */
export function RequestVisitForm({ person, onDone, onCancel }: RequestVisitFormProps) {
  const team = usePersonTeam(person);
  const attorneys = team.members.filter((member) => member.role === 'attorney');
  const current = person.placements.find((placement) => placement.isCurrent);
  const [facilityQuery, setFacilityQuery] = useState('');
  const facilities = useFacilities(facilityQuery.trim().length >= 2 ? { q: facilityQuery.trim() } : {});
  const [facilityId, setFacilityId] = useState(current?.facilityId ?? '');
  const openMatters = person.matters.filter((matter) => !matter.closedOn);
  const [matterId, setMatterId] = useState(openMatters[0]?.id ?? '');
  const [purpose, setPurpose] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [visitors, setVisitors] = useState<VisitorDraft[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useRequestVisit(person.id);
  const serverErrors = serverFieldErrors(mutation.error);
  const details: Readonly<Record<string, string>> = isApiError(mutation.error) ? mutation.error.details : {};
  const errorOf = (field: string) => clientErrors[field] ?? serverErrors[field];
  const visitorError = (index: number, field: string) =>
    clientErrors[`visitors.${index}.${field}`] ??
    details[`visitors.${index}.${field}`] ??
    details[`body.visitors.${index}.${field}`];

  // The first visitor starts as the first attorney on the team, once the team is known.
  const shown = visitors.length > 0 ? visitors : [emptyVisitor(attorneys[0] ?? team.members[0])];
  const updateVisitor = (index: number, changes: Partial<VisitorDraft>) =>
    setVisitors(shown.map((visitor, i) => (i === index ? { ...visitor, ...changes } : visitor)));

  const facilityOptions = [
    ...(current
      ? [{ value: current.facilityId ?? '', label: `${current.facilityName} (current placement)` }]
      : [{ value: '', label: 'No current placement' }]),
    ...(facilities.data?.items ?? [])
      .filter((facility) => facility.id !== current?.facilityId)
      .map((facility) => ({ value: facility.id, label: facility.name })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!purpose.trim()) found.purpose = 'Say what the visit is for';
    shown.forEach((visitor, index) => {
      if (!visitor.userId) found[`visitors.${index}.userId`] = 'Choose a member of the team';
    });
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: RequestVisitInput = {
      personId: person.id,
      purpose: purpose.trim(),
      visitors: shown.map(toVisitorInput),
      proposedDates: dates.filter(Boolean),
    };
    if (facilityId) input.facilityId = facilityId;
    if (matterId) input.matterId = matterId;
    mutation.mutate(input, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Request a visit">
      <Stack gap="md">
        <FormAlert
          error={mutation.error}
          fields={['facilityId', 'matterId', 'purpose', 'proposedDates']}
          title="Could not request the visit"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Facility"
            description="The facility of the current placement unless you choose another"
            value={facilityId}
            data={facilityOptions}
            onChange={(event) => setFacilityId(event.currentTarget.value)}
            error={errorOf('facilityId')}
          />
          <TextInput
            label="Find another facility"
            description="Type part of a name, code or city"
            value={facilityQuery}
            onChange={(event) => setFacilityQuery(event.currentTarget.value)}
          />
          <NativeSelect
            label="Matter"
            description="Follow-up tasks from the visit go on this matter"
            value={matterId}
            data={[
              { value: '', label: 'No matter' },
              ...person.matters.map((matter) => ({ value: matter.id, label: matter.title })),
            ]}
            onChange={(event) => setMatterId(event.currentTarget.value)}
            error={errorOf('matterId')}
          />
        </SimpleGrid>
        <Textarea
          label="Purpose"
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={purpose}
          onChange={(event) => setPurpose(event.currentTarget.value)}
          error={errorOf('purpose')}
        />
        <Fieldset legend="Proposed dates">
          <Stack gap="xs">
            {dates.map((date, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the dates are edited in place and never reordered
              <Group key={index} gap="xs" align="flex-end">
                <TextInput
                  type="date"
                  label={`Proposed date ${index + 1}`}
                  value={date}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setDates(dates.map((d, i) => (i === index ? value : d)));
                  }}
                  error={errorOf('proposedDates')}
                />
                {dates.length > 1 && (
                  <CloseButton
                    aria-label={`Remove proposed date ${index + 1}`}
                    onClick={() => setDates(dates.filter((_, i) => i !== index))}
                  />
                )}
              </Group>
            ))}
            {dates.length < 10 && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setDates([...dates, ''])}
                style={{ alignSelf: 'flex-start' }}
              >
                Add a date
              </Button>
            )}
          </Stack>
        </Fieldset>
        {shown.map((visitor, index) => {
          const isRepresentative = isAttorneyRepresentative(visitor.capacity);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: visitors are edited in place and never reordered
            <Fieldset key={index} legend={`Visitor ${index + 1}`}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label="Team member"
                    value={visitor.userId}
                    data={[
                      { value: '', label: team.isPending ? 'Loading the team…' : 'Choose…' },
                      ...team.members.map((member) => ({ value: member.userId, label: member.name })),
                    ]}
                    onChange={(event) => {
                      const userId = event.currentTarget.value;
                      const member = team.members.find((m) => m.userId === userId);
                      const capacity = (member && defaultVisitorCapacity(member.role)) ?? visitor.capacity;
                      updateVisitor(index, { userId, capacity });
                    }}
                    error={visitorError(index, 'userId')}
                  />
                  <NativeSelect
                    label="Capacity"
                    value={visitor.capacity}
                    data={VISITOR_CAPACITIES.map((value) => ({ value, label: VISITOR_CAPACITY_LABELS[value] }))}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      if (isOneOf(VISITOR_CAPACITIES, value)) updateVisitor(index, { capacity: value });
                    }}
                    error={visitorError(index, 'capacity')}
                  />
                  {isRepresentative && (
                    <NativeSelect
                      label="Supervising attorney"
                      description="An attorney's representative visits under an attorney's sponsorship"
                      value={visitor.supervisingAttorneyId}
                      data={[
                        { value: '', label: 'Choose…' },
                        ...attorneys.map((attorney) => ({ value: attorney.userId, label: attorney.name })),
                      ]}
                      onChange={(event) => updateVisitor(index, { supervisingAttorneyId: event.currentTarget.value })}
                      error={visitorError(index, 'supervisingAttorneyId')}
                    />
                  )}
                  <TextInput
                    type="date"
                    label="Date of birth"
                    value={visitor.dateOfBirth}
                    onChange={(event) => updateVisitor(index, { dateOfBirth: event.currentTarget.value })}
                    error={visitorError(index, 'dateOfBirth')}
                  />
                  <TextInput
                    label="Driver's licence or state ID number"
                    maxLength={50}
                    value={visitor.idNumber}
                    onChange={(event) => updateVisitor(index, { idNumber: event.currentTarget.value })}
                    error={visitorError(index, 'idNumber')}
                  />
                  <TextInput
                    label="Bar number"
                    description={isRepresentative ? "The sponsoring attorney's, if the facility asks" : undefined}
                    maxLength={30}
                    value={visitor.barNumber}
                    onChange={(event) => updateVisitor(index, { barNumber: event.currentTarget.value })}
                    error={visitorError(index, 'barNumber')}
                  />
                </SimpleGrid>
                <Textarea
                  label="Mailing address"
                  autosize
                  minRows={2}
                  maxLength={300}
                  value={visitor.mailingAddress}
                  onChange={(event) => updateVisitor(index, { mailingAddress: event.currentTarget.value })}
                  error={visitorError(index, 'mailingAddress')}
                />
                {!isRepresentative && (
                  <Checkbox
                    label="Active and in good standing with the State Bar"
                    checked={visitor.barInGoodStanding}
                    onChange={(event) => updateVisitor(index, { barInGoodStanding: event.currentTarget.checked })}
                    error={visitorError(index, 'barInGoodStanding')}
                  />
                )}
                {shown.length > 1 && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => setVisitors(shown.filter((_, i) => i !== index))}
                  >
                    Remove visitor {index + 1}
                  </Button>
                )}
              </Stack>
            </Fieldset>
          );
        })}
        {shown.length < 10 && (
          <Button
            variant="default"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setVisitors([...shown, emptyVisitor(undefined)])}
          >
            Add a visitor
          </Button>
        )}
        <Text size="xs" c="dimmed">
          The visitors' details are seen only by the person's legal team and go on the request letter.
        </Text>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Request visit
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
