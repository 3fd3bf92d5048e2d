import { Badge, List, Stack, Text, Title } from '@mantine/core';
import type { IntakeDetail } from '@redress/core';
import { AnchorLink } from '../../people/anchor-link';
import { stateLabel } from '../labels';

const REASON_LABELS: Record<string, string> = {
  identifier: 'same prisoner number',
  name: 'similar name',
  alias: 'matches an alias',
  date_of_birth: 'same date of birth',
};
const STRENGTH_COLOURS = { strong: 'red', possible: 'yellow', weak: 'gray' } as const;

function Strength({ strength }: { strength: keyof typeof STRENGTH_COLOURS }) {
  return (
    <Badge
      size="sm"
      variant="light"
      color={STRENGTH_COLOURS[strength]}
      tt="none"
      styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}
    >
      {strength === 'strong' ? 'Strong match' : strength === 'possible' ? 'Possible match' : 'Weak match'}
    </Badge>
  );
}

const reasonsOf = (reasons: readonly string[], similarity: number) =>
  `${reasons.map((reason) => REASON_LABELS[reason] ?? reason).join(', ')}; names ${Math.round(similarity * 100)}% alike`;

/** People already in the case file and earlier intakes that may be the same applicant. */
export function DuplicatesPanel({ intake }: { intake: IntakeDetail }) {
  const { duplicates, priorIntakes } = intake;
  return (
    <Stack component="section" gap="sm" aria-labelledby="intake-duplicates-heading" data-testid="intake-duplicates">
      <Title order={2} id="intake-duplicates-heading" size="h3">
        Duplicates and prior intakes
      </Title>
      {duplicates.length === 0 && priorIntakes.length === 0 && (
        <Text size="sm">No one in the case file and no earlier intake looks like this applicant.</Text>
      )}
      {duplicates.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            People in the case file
          </Title>
          <List spacing={6} size="sm">
            {duplicates.map((person) => (
              <List.Item key={person.personId}>
                <AnchorLink to="/people/$personId" params={{ personId: person.personId }}>
                  {person.legalName}
                </AnchorLink>{' '}
                {person.dateOfBirth ? `(born ${person.dateOfBirth}) ` : ''}
                <Strength strength={person.strength} />{' '}
                <Text span size="sm">
                  {reasonsOf(person.reasons, person.similarity)}
                  {person.identifiers.length > 0
                    ? `; ${person.identifiers.map((id) => `${id.system.toUpperCase()} ${id.value}`).join(', ')}`
                    : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {priorIntakes.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Earlier intakes
          </Title>
          <List spacing={6} size="sm">
            {priorIntakes.map((prior) => (
              <List.Item key={prior.id}>
                <AnchorLink to="/intake/$intakeId" params={{ intakeId: prior.id }}>
                  {prior.reference}
                </AnchorLink>{' '}
                {prior.applicantName ?? 'No name'}, received {prior.receivedOn}, {stateLabel(prior).toLowerCase()}{' '}
                <Strength strength={prior.strength} />{' '}
                <Text span size="sm">
                  {reasonsOf(prior.reasons, prior.similarity)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
